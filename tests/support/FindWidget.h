#pragma once

#include "ui/StatusMessage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QString>
#include <QtGlobal>

// A screen's widget found by its objectName, as the screen names it, so tests drive the screens
// without public getters. A missing one stops the test naming it, rather than crashing on null.
template<typename T> T *widget(const QObject *screen, const char *name)
{
    T *found = screen->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no %s named \"%s\" under \"%s\"", T::staticMetaObject.className(), name,
               qPrintable(screen->objectName()));
    return found;
}

inline QLineEdit *field(const QObject *screen, const char *name)
{
    return widget<QLineEdit>(screen, name);
}

inline QPushButton *button(const QObject *screen, const char *name)
{
    return widget<QPushButton>(screen, name);
}

inline QLabel *label(const QObject *screen, const char *name)
{
    return widget<QLabel>(screen, name);
}

inline QCheckBox *checkBox(const QObject *screen, const char *name)
{
    return widget<QCheckBox>(screen, name);
}

// Every screen's status line (ui::RequestFeedback).
inline cqrs::ui::StatusMessage *status(const QObject *screen)
{
    return widget<cqrs::ui::StatusMessage>(screen, "statusMessage");
}
