#pragma once

#include "core/api/ApiCall.h"

#include <QObject>
#include <QPointer>

namespace cqrs::app {

// The window's one request in flight: a new request replaces (and cancels) the one before, and
// every screen's Cancel comes here. Work that is not an ApiCall (the NHSmail browser flow)
// listens to `cancelling` to stop with it.
class RequestSlot : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void track(ApiCall *call);
    void cancel();

signals:
    void cancelling();
    // The tracked request found the server away and is sent again in `seconds`.
    void retrying(int seconds);

private:
    QPointer<ApiCall> m_call;
};

} // namespace cqrs::app
