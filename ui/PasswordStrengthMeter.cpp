#include "ui/PasswordStrengthMeter.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>

namespace cqrs::ui {

PasswordStrengthMeter::PasswordStrengthMeter(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_tip(new QLabel(this))
{
    setObjectName(QStringLiteral("passwordStrength"));
    m_bar->setObjectName(QStringLiteral("strengthBar"));
    m_summary->setObjectName(QStringLiteral("strengthSummary"));
    m_tip->setObjectName(QStringLiteral("strengthTip"));
    m_bar->setRange(0, int(PasswordStrength::Level::Strong));
    // The words beside the bar carry the meaning; the bar only repeats it.
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(m_bar->fontMetrics().height() / 2 + 4);
    m_bar->setAccessibleName(tr("Password strength"));
    for (QLabel *label : {m_summary, m_tip}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    auto *heading = new QLabel(tr("How hard to guess:"), this);
    heading->setBuddy(m_bar);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading, 0, 0);
    layout->addWidget(m_bar, 0, 1);
    layout->addWidget(m_summary, 1, 0, 1, 2);
    layout->addWidget(m_tip, 2, 0, 1, 2);
    layout->setColumnStretch(1, 1);
    showStrengthOf(QString());
}

void PasswordStrengthMeter::setOwner(const PasswordOwner &owner)
{
    m_userWords = {owner.userId, owner.displayName, owner.organisation};
    // Each part too: zxcvbn matches whole dictionary words.
    for (const QString &text : {owner.displayName, owner.organisation})
        m_userWords += text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void PasswordStrengthMeter::showStrengthOf(const QString &password)
{
    const PasswordStrength strength = PasswordStrength::estimate(password, m_userWords);
    m_level = strength.level;
    m_bar->setValue(int(strength.level));
    m_summary->setText(strength.summary);
    m_tip->setText(strength.tip);
    m_tip->setVisible(!strength.tip.isEmpty());
    m_bar->setAccessibleDescription(strength.summary);
    setAccessibleDescription(strength.summary + QLatin1Char(' ') + strength.tip);
}

} // namespace cqrs::ui
