#pragma once

#include "ui/ThemePalette.h"

#include <QProxyStyle>

namespace cqrs::ui {

// Draws the app's controls in the NHS.UK service style from one set of colours: fields and
// buttons with a firm edge, primary (default) buttons in green, the yellow focus with a dark bar
// on every focused button, field and check box, the header band, the card, and label tones.
// A style rather than a style sheet: it adds nothing to building, sizing or painting a widget,
// where a style sheet matches its rules on every one, so the first window shows sooner.
class NhsStyle : public QProxyStyle
{
public:
    // `systemColours`: the colours are the person's own (dark or high contrast), taken from
    // their palette, rather than the brand's.
    NhsStyle(const ThemePalette &colours, bool systemColours);

    void polish(QWidget *widget) override;
    using QProxyStyle::polish;

    int pixelMetric(PixelMetric metric, const QStyleOption *option,
                    const QWidget *widget) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &contents,
                           const QWidget *widget) const override;
    QRect subElementRect(SubElement element, const QStyleOption *option,
                         const QWidget *widget) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                            QPainter *painter, const QWidget *widget) const override;

private:
    struct Look
    {
        QColor fill;
        QColor edge;
        QColor text;
        bool dashed = false;
    };
    Look buttonLook(const QStyleOption &option, const QWidget *widget) const;
    void drawButtonPanel(QPainter *painter, const QRect &rect, const Look &look) const;
    void applyTone(QWidget *widget) const;

    ThemePalette m_colours;
    bool m_systemColours;
};

} // namespace cqrs::ui
