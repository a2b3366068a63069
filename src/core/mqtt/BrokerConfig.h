#pragma once

#include <QList>
#include <QString>

namespace nuki {

// An MQTT broker as the settings keep it. Its password lives in the keychain, never here.
struct BrokerConfig
{
    QString id; // "mqtt-" and a short hash of host and port: stable, never a path
    QString name;
    QString host;
    quint16 port = 1883;
    QString username;
    bool tls = false;
    QString caFile; // with TLS: the broker's CA certificate; empty for the system's
    // Locks on this broker the person chose not to add (set-up assistant): never listed. A
    // list of those left out, not of those taken, so a lock that comes later still appears.
    QList<quint32> ignoredLocks;

    static QString idFor(const QString &host, quint16 port);
};

} // namespace nuki
