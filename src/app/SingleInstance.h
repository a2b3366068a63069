#pragma once

#include <QLocalServer>
#include <QObject>

// One app per user: a second start asks the first to show its window, then exits.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &name = defaultName(), QObject *parent = nullptr);
    // True when another instance answered (it was asked to show itself).
    bool activateRunning();
    // Becomes the instance others talk to.
    bool listen();
    static QString defaultName();

signals:
    void activated();

private:
    QString m_name;
    QLocalServer m_server;
};
