#include "Settings.h"

#include "CallbackReceiver.h"

#include <QFile>

namespace nuki {

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             QStringLiteral("nuki-desktop"),
                                             QStringLiteral("nuki-desktop")))
{
}

Settings::Settings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

void Settings::sync()
{
    m_settings->sync();
    // Bridge addresses and names are private enough to keep from other users.
    QFile::setPermissions(m_settings->fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

int Settings::pollIntervalSeconds() const
{
    return qBound(
        2, m_settings->value(QStringLiteral("poll/intervalSeconds"), DefaultPollSeconds).toInt(),
        3600);
}

void Settings::setPollIntervalSeconds(int seconds)
{
    m_settings->setValue(QStringLiteral("poll/intervalSeconds"), qBound(2, seconds, 3600));
}

bool Settings::confirmOpen() const
{
    return m_settings->value(QStringLiteral("actions/confirmOpen"), true).toBool();
}

void Settings::setConfirmOpen(bool on)
{
    m_settings->setValue(QStringLiteral("actions/confirmOpen"), on);
}

bool Settings::startMinimized() const
{
    return m_settings->value(QStringLiteral("app/startMinimized"), false).toBool();
}

void Settings::setStartMinimized(bool on)
{
    m_settings->setValue(QStringLiteral("app/startMinimized"), on);
}

bool Settings::startAtLogin() const
{
    return m_settings->value(QStringLiteral("app/startAtLogin"), false).toBool();
}

void Settings::setStartAtLogin(bool on)
{
    m_settings->setValue(QStringLiteral("app/startAtLogin"), on);
}

bool Settings::trayHintShown() const
{
    return m_settings->value(QStringLiteral("app/trayHintShown"), false).toBool();
}

void Settings::setTrayHintShown(bool shown)
{
    m_settings->setValue(QStringLiteral("app/trayHintShown"), shown);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("ui/windowGeometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("ui/windowGeometry"), geometry);
}

QStringList Settings::favourites() const
{
    return m_settings->value(QStringLiteral("ui/favourites")).toStringList();
}

void Settings::setFavourites(const QStringList &keys)
{
    m_settings->setValue(QStringLiteral("ui/favourites"), keys);
}

bool Settings::pushEnabled() const
{
    return m_settings->value(QStringLiteral("push/enabled"), false).toBool();
}

void Settings::setPushEnabled(bool on)
{
    m_settings->setValue(QStringLiteral("push/enabled"), on);
}

bool Settings::notify(const QString &kind) const
{
    // Door open/close is chatty: off by default. Everything else that needs attention: on.
    const bool fallback = kind != QLatin1String("door");
    return m_settings->value(QStringLiteral("notify/") + kind, fallback).toBool();
}

void Settings::setNotify(const QString &kind, bool on)
{
    m_settings->setValue(QStringLiteral("notify/") + kind, on);
}

quint16 Settings::pushPort() const
{
    return quint16(qBound(0, m_settings->value(QStringLiteral("push/port"), 8776).toInt(), 65535));
}

void Settings::setPushPort(quint16 port)
{
    m_settings->setValue(QStringLiteral("push/port"), port);
}

QString Settings::pushSecretPath()
{
    QString path = m_settings->value(QStringLiteral("push/path")).toString();
    if (!path.startsWith(QLatin1String("/nuki-desktop/")) || path.size() < 30) {
        path = CallbackReceiver::newSecretPath();
        m_settings->setValue(QStringLiteral("push/path"), path);
    }
    return path;
}

QString Settings::discoveryUrl() const
{
    return m_settings
        ->value(QStringLiteral("discovery/url"),
                QStringLiteral("https://api.nuki.io/discover/bridges"))
        .toString();
}

void Settings::setDiscoveryUrl(const QString &url)
{
    m_settings->setValue(QStringLiteral("discovery/url"), url);
}

QList<BridgeConfig> Settings::bridges() const
{
    QList<BridgeConfig> list;
    const int n = m_settings->beginReadArray(QStringLiteral("bridges"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        BridgeConfig b;
        b.id = m_settings->value(QStringLiteral("id")).toString();
        b.name = m_settings->value(QStringLiteral("name")).toString();
        b.host = m_settings->value(QStringLiteral("host")).toString();
        b.port = quint16(qBound(1, m_settings->value(QStringLiteral("port"), 8080).toInt(), 65535));
        b.tokenMode = tokenModeFromName(m_settings->value(QStringLiteral("tokenMode")).toString());
        b.tokenInFile = m_settings->value(QStringLiteral("tokenInFile"), false).toBool();
        // A day either way is far beyond any clock worth following.
        b.clockOffsetSeconds =
            qBound(qint64(-86400), m_settings->value(QStringLiteral("clockOffset"), 0).toLongLong(),
                   qint64(86400));
        if (!b.id.isEmpty() && !b.host.isEmpty())
            list << b;
    }
    m_settings->endArray();
    return list;
}

void Settings::setBridges(const QList<BridgeConfig> &list)
{
    m_settings->remove(QStringLiteral("bridges"));
    m_settings->beginWriteArray(QStringLiteral("bridges"), int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("id"), list[i].id);
        m_settings->setValue(QStringLiteral("name"), list[i].name);
        m_settings->setValue(QStringLiteral("host"), list[i].host);
        m_settings->setValue(QStringLiteral("port"), list[i].port);
        m_settings->setValue(QStringLiteral("tokenMode"), tokenModeName(list[i].tokenMode));
        m_settings->setValue(QStringLiteral("tokenInFile"), list[i].tokenInFile);
        m_settings->setValue(QStringLiteral("clockOffset"), list[i].clockOffsetSeconds);
    }
    m_settings->endArray();
}

void Settings::upsertBridge(const BridgeConfig &bridge)
{
    QList<BridgeConfig> list = bridges();
    auto it = std::find_if(list.begin(), list.end(),
                           [&](const BridgeConfig &b) { return b.id == bridge.id; });
    if (it == list.end())
        list << bridge;
    else
        *it = bridge;
    setBridges(list);
}

void Settings::removeBridge(const QString &id)
{
    QList<BridgeConfig> list = bridges();
    list.removeIf([&](const BridgeConfig &b) { return b.id == id; });
    setBridges(list);
}

} // namespace nuki
