#pragma once

#include "core/api/ApiClient.h"
#include "core/links/RegistrationLink.h"

#include <QObject>

#include <optional>

namespace cqrs::ui {
class MainWindow;
} // namespace cqrs::ui

namespace cqrs::app {

class RequestSlot;

// A registration or password reset link, from wherever it came: check it with the server, show
// the Security Information screen, save the new password; or say plainly why the link cannot
// be used and who can help.
class LinkJourney : public QObject
{
    Q_OBJECT

public:
    LinkJourney(ui::MainWindow &window, ApiClient &api, RequestSlot &request,
                QObject *parent = nullptr);

    // Untrusted text: a command line, a second launch, the operating system.
    void open(const QString &text);
    // The Security Information screen of `link` is on screen, e.g. the person clicked the
    // email's link a second time.
    bool isShowing(const RegistrationLink &link) const;

signals:
    // The password is set: the sign-in screen, saying so, with the User ID filled in.
    void passwordSet(const QString &message, const QString &userId);
    // The person left the link's screens (Cancel, "Back to sign in").
    void left();

private:
    void load(const RegistrationLink &link);
    void showProblem(const ApiError &error);
    void submit(const QString &password);

    ui::MainWindow &m_window;
    ApiClient &m_api;
    RequestSlot &m_request;
    std::optional<RegistrationLink> m_link;
    QString m_userId;
};

} // namespace cqrs::app
