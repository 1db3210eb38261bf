#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace cqrs::ui {

// The NHS.UK service colours the app draws with, named for what they are used for, and the
// pairs it draws one over the other with the WCAG 2.2 AA contrast each pair must reach.
struct ThemePalette
{
    QColor headerBand; // NHS Blue, also the colour of links
    QColor headerText; // white on the band
    QColor page; // behind the card
    QColor card; // behind the content
    QColor text; // body text
    QColor secondaryText; // hints, captions, the help line
    QColor inputBorder; // the edge of fields and secondary buttons
    QColor primaryButton; // NHS green
    QColor primaryText; // white on green
    QColor error; // NHS red: error text, its bar and the "not met" marks
    QColor success; // NHS green text: "met" marks
    QColor focus; // NHS.UK focus yellow
    QColor focusText; // text on the focus yellow, and its dark bar

    struct Pair
    {
        QString what;
        QColor foreground;
        QColor background;
        double minimum;
    };

    static ThemePalette nhs();
    QList<Pair> pairs() const;
};

// WCAG 2.2 contrast ratio (1 to 21) between two opaque colours.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace cqrs::ui
