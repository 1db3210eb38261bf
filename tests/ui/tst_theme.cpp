#include "ui/Theme.h"
#include "ui/ThemePalette.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStyleOptionSlider>
#include <QTest>
#include <QVBoxLayout>

using cqrs::ui::contrastRatio;
using cqrs::ui::Theme;
using cqrs::ui::ThemePalette;

namespace {

int pixelsOf(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y) == colour;
    return count;
}

double shareOf(const QImage &image, const QColor &colour)
{
    return static_cast<double>(pixelsOf(image, colour)) / (image.width() * image.height());
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void contrastFollowsWcag();
    void everyPairMeetsWcagAA_data();
    void everyPairMeetsWcagAA();
    void brandColoursAreTheApplicationPalette();
    void systemColoursComeOnlyFromThePersonsPalette();
    void darkOrHighContrastUsesSystemColours();
    void primaryButtonAndHeaderBandAreDrawnInTheBrand();
    void toneColoursALabelAndGoesAgain();
    void scrollBarHandleStandsOutFromItsTrack();
    void focusedControlsShowTheYellowFocus_data();
    void focusedControlsShowTheYellowFocus();
};

void TestTheme::initTestCase()
{
    Theme::apply();
}

void TestTheme::contrastFollowsWcag()
{
    QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(contrastRatio(Qt::white, Qt::black), 21.0);
    QCOMPARE(contrastRatio(QColor(0x336699), QColor(0x336699)), 1.0);
    // #767676 on white is the classic "just passes 4.5:1" grey.
    QVERIFY(contrastRatio(QColor(0x767676), Qt::white) > 4.5);
    QVERIFY(contrastRatio(QColor(0x777777), Qt::white) < 4.5);
}

void TestTheme::everyPairMeetsWcagAA_data()
{
    QTest::addColumn<QColor>("foreground");
    QTest::addColumn<QColor>("background");
    QTest::addColumn<double>("minimum");
    const auto pairs = ThemePalette::nhs().pairs();
    QVERIFY(pairs.size() >= 10);
    for (const ThemePalette::Pair &pair : pairs)
        QTest::newRow(qPrintable(pair.what)) << pair.foreground << pair.background << pair.minimum;
}

void TestTheme::everyPairMeetsWcagAA()
{
    QFETCH(QColor, foreground);
    QFETCH(QColor, background);
    QFETCH(double, minimum);
    const double ratio = contrastRatio(foreground, background);
    QVERIFY2(ratio >= minimum,
             qPrintable(QStringLiteral("%1 on %2: %3:1, needs %4:1")
                            .arg(foreground.name(), background.name())
                            .arg(ratio, 0, 'f', 2)
                            .arg(minimum)));
}

void TestTheme::brandColoursAreTheApplicationPalette()
{
    const ThemePalette p = ThemePalette::nhs();
    const QPalette palette = QApplication::palette();
    QCOMPARE(palette.color(QPalette::Window), p.page);
    QCOMPARE(palette.color(QPalette::Base), p.card);
    QCOMPARE(palette.color(QPalette::Text), p.text);
    QCOMPARE(palette.color(QPalette::WindowText), p.text);
    QCOMPARE(palette.color(QPalette::Highlight), p.headerBand);
    QCOMPARE(palette.color(QPalette::HighlightedText), p.headerText);
    QCOMPARE(palette.color(QPalette::Link), p.headerBand);
    QCOMPARE(palette.color(QPalette::Disabled, QPalette::ButtonText), p.secondaryText);
}

void TestTheme::systemColoursComeOnlyFromThePersonsPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2D2D2D));
    dark.setColor(QPalette::WindowText, QColor(0xEEEEEE));
    dark.setColor(QPalette::Base, QColor(0x1E1E1E));
    dark.setColor(QPalette::Text, QColor(0xF5F5F5));
    dark.setColor(QPalette::Highlight, QColor(0x4DA3FF));
    dark.setColor(QPalette::HighlightedText, QColor(0x101010));
    const ThemePalette system = Theme::colours(true, dark);
    QCOMPARE(system.headerBand, dark.color(QPalette::Highlight));
    QCOMPARE(system.card, dark.color(QPalette::Base));
    QCOMPARE(system.page, dark.color(QPalette::Window));
    QCOMPARE(system.focus, dark.color(QPalette::Highlight));
    const ThemePalette brand = ThemePalette::nhs();
    const QList<QColor> brandColours {brand.headerBand, brand.page,          brand.card,
                                      brand.text,       brand.secondaryText, brand.primaryButton,
                                      brand.error,      brand.focus,         brand.focusText};
    for (const ThemePalette::Pair &pair : system.pairs()) {
        QVERIFY2(!brandColours.contains(pair.foreground), qPrintable(pair.what));
        QVERIFY2(!brandColours.contains(pair.background), qPrintable(pair.what));
    }
}

void TestTheme::darkOrHighContrastUsesSystemColours()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xEFEFEF));
    light.setColor(QPalette::Base, Qt::white);
    QVERIFY(!Theme::prefersSystemColours(light));
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x2D2D2D));
    dark.setColor(QPalette::Base, QColor(0x1E1E1E));
    QVERIFY(Theme::prefersSystemColours(dark));
    // A high-contrast scheme with black fields on a light frame is the person's choice too.
    QPalette blackFields = light;
    blackFields.setColor(QPalette::Base, Qt::black);
    QVERIFY(Theme::prefersSystemColours(blackFields));
}

void TestTheme::focusedControlsShowTheYellowFocus_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("button") << QStringLiteral("button");
    QTest::newRow("default button") << QStringLiteral("default");
    QTest::newRow("field") << QStringLiteral("field");
    QTest::newRow("check box") << QStringLiteral("check");
    // Where focus waits while a request runs (BusyIndicator).
    QTest::newRow("busy bar") << QStringLiteral("busy");
}

void TestTheme::focusedControlsShowTheYellowFocus()
{
    QFETCH(QString, kind);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *other = new QPushButton(QStringLiteral("Other"));
    QWidget *control = nullptr;
    if (kind == QLatin1String("field")) {
        control = new QLineEdit(QStringLiteral("text"));
    } else if (kind == QLatin1String("check")) {
        control = new QCheckBox(QStringLiteral("Remember"));
    } else if (kind == QLatin1String("busy")) {
        auto *busy = new QProgressBar;
        busy->setRange(0, 0);
        busy->setTextVisible(false);
        busy->setFocusPolicy(Qt::ClickFocus);
        control = busy;
    } else {
        auto *button = new QPushButton(QStringLiteral("Sign in"));
        button->setDefault(kind == QLatin1String("default"));
        control = button;
    }
    layout->addWidget(other);
    layout->addWidget(control);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QColor yellow = ThemePalette::nhs().focus;

    other->setFocus();
    QTRY_VERIFY(other->hasFocus());
    const QImage unfocused = control->grab().toImage();
    control->setFocus();
    QTRY_VERIFY(control->hasFocus());
    const QImage focused = control->grab().toImage();

    QCOMPARE(pixelsOf(unfocused, yellow), 0);
    // Enough yellow to be seen at a glance: at least a tenth of the control.
    QVERIFY2(pixelsOf(focused, yellow) * 10 >= focused.width() * focused.height(),
             qPrintable(QString::number(pixelsOf(focused, yellow))));
}

void TestTheme::scrollBarHandleStandsOutFromItsTrack()
{
    QScrollBar bar(Qt::Vertical);
    bar.setRange(0, 100);
    bar.setPageStep(20);
    bar.resize(bar.sizeHint().width(), 300);
    const QImage image = bar.grab().toImage();
    QStyleOptionSlider option;
    option.initFrom(&bar);
    option.orientation = Qt::Vertical;
    option.minimum = bar.minimum();
    option.maximum = bar.maximum();
    option.sliderPosition = bar.value();
    option.sliderValue = bar.value();
    option.pageStep = bar.pageStep();
    option.singleStep = bar.singleStep();
    const QRect handle = bar.style()->subControlRect(QStyle::CC_ScrollBar, &option,
                                                     QStyle::SC_ScrollBarSlider, &bar);
    const QRect track = bar.style()->subControlRect(QStyle::CC_ScrollBar, &option,
                                                    QStyle::SC_ScrollBarAddPage, &bar);
    QVERIFY(handle.isValid() && track.isValid());
    const QColor handleColour = image.pixelColor(handle.center());
    const QColor trackColour = image.pixelColor(track.center());
    QVERIFY2(contrastRatio(handleColour, trackColour) >= 3.0,
             qPrintable(QStringLiteral("%1 on %2").arg(handleColour.name(), trackColour.name())));
}

void TestTheme::primaryButtonAndHeaderBandAreDrawnInTheBrand()
{
    const ThemePalette p = ThemePalette::nhs();
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *header = new QWidget;
    header->setObjectName(QStringLiteral("header"));
    auto *title = new QLabel(QStringLiteral("Sign in"));
    (new QVBoxLayout(header))->addWidget(title);
    auto *field = new QLineEdit;
    auto *primary = new QPushButton(QStringLiteral("Sign in"));
    primary->setDefault(true);
    layout->addWidget(header);
    layout->addWidget(field);
    layout->addWidget(primary);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());

    QVERIFY(shareOf(primary->grab().toImage(), p.primaryButton) > 0.5);
    QVERIFY(shareOf(header->grab().toImage(), p.headerBand) > 0.5);
    QCOMPARE(title->palette().color(title->foregroundRole()), p.headerText);
}

void TestTheme::toneColoursALabelAndGoesAgain()
{
    const ThemePalette p = ThemePalette::nhs();
    QLabel label(QStringLiteral("Enter your password."));
    label.ensurePolished();
    Theme::setTone(&label, "error");
    QCOMPARE(label.palette().color(label.foregroundRole()), p.error);
    QVERIFY(label.font().bold());
    Theme::setTone(&label, "met");
    QCOMPARE(label.palette().color(label.foregroundRole()), p.success);
    QVERIFY(!label.font().bold());
    Theme::setTone(&label, "");
    QCOMPARE(label.palette().color(label.foregroundRole()), p.text);
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
