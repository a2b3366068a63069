#pragma once

#include <QLocalServer>
#include <QObject>

// One app per desktop session and per settings file: a second start hands its activation
// token to the first, which raises its window, and exits. The socket lives in
// $XDG_RUNTIME_DIR (private to the user), named after the session's display and the
// settings file, so another session or another --config runs its own copy.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    // The name for this desktop session and this settings file (`demo` runs apart).
    static QString nameFor(const QString &settingsFile, bool demo);
    // The token a launcher gave this process for raising a window: XDG_ACTIVATION_TOKEN
    // (Wayland) or DESKTOP_STARTUP_ID (X11 startup notification); empty when none.
    static QString activationToken();
    // True when another instance answered: it was asked to show itself, with `token`.
    bool activateRunning(const QString &token = activationToken());
    // Becomes the instance others talk to.
    bool listen();
    QString name() const { return m_name; }

signals:
    void activated(const QString &activationToken);

private:
    QString m_name;
    QLocalServer m_server;
};
