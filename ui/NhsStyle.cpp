#include "ui/NhsStyle.h"

#include "ui/Theme.h"

#include <QAbstractButton>
#include <QPainter>
#include <QPolygonF>
#include <QStyleOption>
#include <QWidget>

namespace cqrs::ui {

namespace {

constexpr int edge = 2; // fields, buttons and the focus outline
constexpr int bar = 4; // below buttons and focused controls; around a focused field
constexpr int radius = 4;
// Edge plus padding around what a control shows, as the NHS.UK service style spaces it.
constexpr QMargins fieldInset(edge + Theme::unit, edge + 6, edge + Theme::unit, edge + 6);
constexpr QMargins buttonInset(edge + 2 * Theme::unit, edge + 6, edge + 2 * Theme::unit, bar + 6);
constexpr QMargins checkInset(edge + 4, edge + 4, edge + 4, bar + 4);

bool inHeader(const QWidget *widget)
{
    for (; widget; widget = widget->parentWidget()) {
        if (widget->objectName() == QLatin1String("header"))
            return true;
    }
    return false;
}

} // namespace

NhsStyle::NhsStyle(const ThemePalette &colours, bool systemColours)
    : m_colours(colours)
    , m_systemColours(systemColours)
{ }

void NhsStyle::polish(QWidget *widget)
{
    QProxyStyle::polish(widget);
    const QString name = widget->objectName();
    if (name == QLatin1String("header")) {
        QPalette band;
        band.setColor(QPalette::Window, m_colours.headerBand);
        band.setColor(QPalette::WindowText, m_colours.headerText);
        widget->setPalette(band);
        widget->setAutoFillBackground(true);
    } else if (name == QLatin1String("helpLine")) {
        QPalette quiet;
        quiet.setColor(QPalette::WindowText, m_colours.secondaryText);
        widget->setPalette(quiet);
    }
    if (widget->property("tone").isValid())
        applyTone(widget);
}

void NhsStyle::applyTone(QWidget *widget) const
{
    const QString tone = widget->property("tone").toString();
    // Only the roles and weight a tone sets; everything else is still inherited.
    QPalette palette;
    if (tone == QLatin1String("error") || tone == QLatin1String("notMet"))
        palette.setColor(QPalette::WindowText, m_colours.error);
    else if (tone == QLatin1String("met"))
        palette.setColor(QPalette::WindowText, m_colours.success);
    widget->setPalette(palette);
    QFont font;
    font.setBold(tone == QLatin1String("error"));
    widget->setFont(font);
}

int NhsStyle::pixelMetric(PixelMetric metric, const QStyleOption *option,
                          const QWidget *widget) const
{
    // Spacing as a multiple of the rhythm, so every layout without its own margins follows it.
    switch (metric) {
    case PM_LayoutHorizontalSpacing:
    case PM_LayoutVerticalSpacing:
        return Theme::unit;
    case PM_LayoutLeftMargin:
    case PM_LayoutRightMargin:
    case PM_LayoutTopMargin:
    case PM_LayoutBottomMargin:
        return 2 * Theme::unit;
    default:
        return QProxyStyle::pixelMetric(metric, option, widget);
    }
}

QSize NhsStyle::sizeFromContents(ContentsType type, const QStyleOption *option,
                                 const QSize &contents, const QWidget *widget) const
{
    switch (type) {
    case CT_PushButton:
        return contents.grownBy(buttonInset);
    case CT_LineEdit:
        if (const auto *frame = qstyleoption_cast<const QStyleOptionFrame *>(option);
            frame && frame->lineWidth > 0)
            return contents.grownBy(fieldInset);
        break;
    case CT_CheckBox:
        return QProxyStyle::sizeFromContents(type, option, contents, widget).grownBy(checkInset);
    default:
        break;
    }
    return QProxyStyle::sizeFromContents(type, option, contents, widget);
}

QRect NhsStyle::subElementRect(SubElement element, const QStyleOption *option,
                               const QWidget *widget) const
{
    switch (element) {
    case SE_PushButtonContents:
        return option->rect.marginsRemoved(QMargins(edge, edge, edge, bar));
    case SE_LineEditContents:
        if (const auto *frame = qstyleoption_cast<const QStyleOptionFrame *>(option);
            frame && frame->lineWidth > 0)
            return option->rect.marginsRemoved(fieldInset);
        break;
    case SE_CheckBoxIndicator:
    case SE_CheckBoxContents:
    case SE_CheckBoxFocusRect: {
        QStyleOptionButton inner;
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option))
            inner = *button;
        inner.rect = option->rect.marginsRemoved(checkInset);
        return QProxyStyle::subElementRect(element, &inner, widget);
    }
    case SE_CheckBoxClickRect:
        // The padding around a check box is part of what a person can click.
        return option->rect;
    default:
        break;
    }
    return QProxyStyle::subElementRect(element, option, widget);
}

void NhsStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                             QPainter *painter, const QWidget *widget) const
{
    switch (element) {
    case PE_PanelLineEdit:
        if (const auto *frame = qstyleoption_cast<const QStyleOptionFrame *>(option);
            frame && frame->lineWidth > 0) {
            const bool focused = option->state & State_HasFocus;
            // With the person's own colours their text stays on their field colour, so the
            // focus is a thick edge in their highlight instead of a yellow fill.
            const QColor focusEdge = m_systemColours ? m_colours.focus : m_colours.focusText;
            const QColor focusFill = m_systemColours ? m_colours.card : m_colours.focus;
            const int width = focused ? bar : edge;
            painter->fillRect(option->rect, focused ? focusEdge : m_colours.inputBorder);
            painter->fillRect(option->rect.marginsRemoved(QMargins(width, width, width, width)),
                              focused ? focusFill : m_colours.card);
            return;
        }
        break;
    case PE_IndicatorCheckBox: {
        // A firm box a person can find at a glance, in any colours.
        const QRect box = option->rect;
        painter->fillRect(box, m_colours.inputBorder);
        painter->fillRect(box.marginsRemoved(QMargins(edge, edge, edge, edge)), m_colours.card);
        if (option->state & State_On) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(m_colours.text, edge, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            const QRectF mark = QRectF(box).adjusted(3.5, 3.5, -3.5, -3.5);
            painter->drawPolyline(
                QPolygonF {QPointF(mark.left(), mark.center().y()),
                           QPointF(mark.left() + mark.width() * 0.4, mark.bottom()),
                           QPointF(mark.right(), mark.top())});
            painter->restore();
        }
        return;
    }
    case PE_FrameFocusRect:
        // A focused button or check box is drawn in the focus colours already.
        if (qobject_cast<const QAbstractButton *>(widget))
            return;
        break;
    default:
        break;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

void NhsStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                  QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    // Fusion's handle is near white on a near-white track (about 1.1:1): at 200 % it is often
    // the only sign there is more below, so it gets the firm edge colour (3:1 and more).
    if (control == CC_ScrollBar) {
        const QRect handle = subControlRect(control, option, SC_ScrollBarSlider, widget);
        if (handle.isValid()) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_colours.inputBorder);
            painter->drawRoundedRect(QRectF(handle).adjusted(2, 2, -2, -2), radius, radius);
            painter->restore();
        }
    }
}

void NhsStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                           const QWidget *widget) const
{
    switch (element) {
    case CE_PushButtonBevel:
        drawButtonPanel(painter, option->rect, buttonLook(*option, widget));
        return;
    case CE_PushButtonLabel:
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option)) {
            QStyleOptionButton label = *button;
            label.palette.setColor(QPalette::ButtonText, buttonLook(*option, widget).text);
            painter->save();
            if (button->features & QStyleOptionButton::Flat) {
                QFont font = painter->font();
                font.setUnderline(true);
                painter->setFont(font);
            }
            QProxyStyle::drawControl(element, &label, painter, widget);
            painter->restore();
            return;
        }
        break;
    case CE_CheckBox:
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option);
            button && (option->state & State_HasFocus)) {
            painter->fillRect(option->rect, m_colours.focusText);
            painter->fillRect(option->rect.marginsRemoved(QMargins(edge, edge, edge, bar)),
                              m_colours.focus);
            QStyleOptionButton focused = *button;
            focused.palette.setColor(QPalette::WindowText, m_colours.focusText);
            QProxyStyle::drawControl(element, &focused, painter, widget);
            return;
        }
        break;
    case CE_ProgressBar:
        QProxyStyle::drawControl(element, option, painter, widget);
        // Focused while a request runs (BusyIndicator): a focus ring in the focus colours.
        if (option->state & State_HasFocus) {
            const QRect outer = option->rect;
            painter->save();
            painter->setClipRegion(QRegion(outer).subtracted(
                QRegion(outer.marginsRemoved(QMargins(bar, bar, bar, bar)))));
            // With the person's own colours, their highlight, as around a focused field.
            painter->fillRect(outer, m_systemColours ? m_colours.focus : m_colours.focusText);
            painter->fillRect(outer.marginsRemoved(QMargins(1, 1, 1, 1)), m_colours.focus);
            painter->restore();
        }
        return;
    case CE_ProgressBarGroove:
        painter->fillRect(option->rect, m_colours.inputBorder);
        painter->fillRect(option->rect.marginsRemoved(QMargins(1, 1, 1, 1)), m_colours.card);
        return;
    case CE_ShapedFrame:
        if (widget && widget->objectName() == QLatin1String("card")) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(m_colours.inputBorder);
            painter->setBrush(m_colours.card);
            painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), radius,
                                     radius);
            painter->restore();
            return;
        }
        break;
    default:
        break;
    }
    QProxyStyle::drawControl(element, option, painter, widget);
}

NhsStyle::Look NhsStyle::buttonLook(const QStyleOption &option, const QWidget *widget) const
{
    const auto *button = qstyleoption_cast<const QStyleOptionButton *>(&option);
    const bool primary = button && (button->features & QStyleOptionButton::DefaultButton);
    const bool flat = button && (button->features & QStyleOptionButton::Flat);
    if (!(option.state & State_Enabled))
        return {m_colours.card, m_colours.inputBorder, m_colours.secondaryText, true};
    Look look;
    if (option.state & State_HasFocus)
        look = {m_colours.focus, m_colours.focusText, m_colours.focusText};
    else if (flat)
        look = {Qt::transparent, Qt::transparent, m_colours.text};
    else if (inHeader(widget))
        look = {m_colours.headerBand, m_colours.headerText, m_colours.headerText};
    else if (primary)
        look = {m_colours.primaryButton, m_colours.primaryButton, m_colours.primaryText};
    else
        look = {m_colours.card, m_colours.inputBorder, m_colours.text};
    if ((option.state & State_Sunken) && look.fill.alpha() > 0)
        look.fill = look.fill.darker(120);
    return look;
}

void NhsStyle::drawButtonPanel(QPainter *painter, const QRect &rect, const Look &look) const
{
    if (look.fill.alpha() == 0 && look.edge.alpha() == 0)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    const QRectF outer(rect);
    if (!look.dashed) {
        painter->setBrush(look.edge);
        painter->drawRoundedRect(outer, radius, radius);
    }
    painter->setBrush(look.fill);
    // Inside the edge the corners are rounded by what is left of the radius.
    constexpr qreal innerRadius = radius - edge;
    painter->drawRoundedRect(outer.adjusted(edge, edge, -edge, look.dashed ? -edge : -bar),
                             innerRadius, innerRadius);
    if (look.dashed) {
        painter->setPen(QPen(look.edge, edge, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(outer.adjusted(1, 1, -1, -1), radius, radius);
    }
    painter->restore();
}

} // namespace cqrs::ui
