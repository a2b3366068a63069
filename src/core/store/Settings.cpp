#include "store/Settings.h"

#include "wire/CallbackRequest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

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

const QList<Settings::Spec> &Settings::registry()
{
    // In the order of Key. Door open/close is chatty: off by default; every other kind of
    // notification needs attention: on.
    static const QList<Spec> table = {
        {Key::PollIntervalSeconds, "poll/intervalSeconds", DefaultPollSeconds, 2, 3600},
        {Key::ConfirmOpen, "actions/confirmOpen", true},
        {Key::StartMinimized, "app/startMinimized", false},
        {Key::StartAtLogin, "app/startAtLogin", false},
        {Key::TrayHintShown, "app/trayHintShown", false},
        {Key::PushEnabled, "push/enabled", false},
        {Key::PushPort, "push/port", 8776, 0, 65535},
        {Key::DiscoveryUrl, "discovery/url",
         QStringLiteral("https://api.nuki.io/discover/bridges")},
        {Key::WindowGeometry, "ui/windowGeometry", QByteArray()},
        {Key::Favourites, "ui/favourites", QStringList()},
        {Key::PeopleNames, "people/names", QStringList()},
        {Key::NotifyDoor, "notify/door", false},
        {Key::NotifyExternal, "notify/external", true},
        {Key::NotifyRing, "notify/ring", true},
        {Key::NotifyBattery, "notify/battery", true},
        {Key::NotifyBridge, "notify/bridge", true},
        {Key::NotifyToken, "notify/token", true},
        {Key::NotifyAction, "notify/action", true},
        {Key::HistoryDays, "history/keepDays", 365, 7, 3650},
    };
    return table;
}

const Settings::Spec &Settings::spec(Key key)
{
    return registry().at(int(key));
}

static QVariant bounded(const Settings::Spec &spec, const QVariant &value)
{
    if (spec.min == spec.max)
        return value.isValid() ? value : spec.fallback;
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    return ok ? qBound(spec.min, n, spec.max) : spec.fallback.toLongLong();
}

Settings::~Settings() = default;

bool Settings::isBridgeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 32)
        return false;
    for (QChar c : id)
        if (!((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
              c == u'-' || c == u'_'))
            return false;
    return true;
}

QVariant Settings::value(Key key) const
{
    const Spec &s = spec(key);
    QVariant v = bounded(s, m_settings->value(QLatin1StringView(s.name), s.fallback));
    if (!v.convert(s.fallback.metaType()))
        return s.fallback; // "yes" for a number, a list for a flag: the default
    return v;
}

void Settings::setValue(Key key, const QVariant &value)
{
    const Spec &s = spec(key);
    QVariant v = bounded(s, value);
    v.convert(s.fallback.metaType());
    if (v == this->value(key))
        return;
    m_settings->setValue(QLatin1StringView(s.name), v);
    emit changed(key);
}

QString notifyKindName(NotifyKind kind)
{
    switch (kind) {
    case NotifyKind::Door:
        return QStringLiteral("door");
    case NotifyKind::External:
        return QStringLiteral("external");
    case NotifyKind::Ring:
        return QStringLiteral("ring");
    case NotifyKind::Battery:
        return QStringLiteral("battery");
    case NotifyKind::Bridge:
        return QStringLiteral("bridge");
    case NotifyKind::Token:
        return QStringLiteral("token");
    case NotifyKind::Action:
        return QStringLiteral("action");
    }
    return {};
}

Settings::Key Settings::notifyKey(NotifyKind kind)
{
    int i = 0;
    while (AllNotifyKinds[i] != kind)
        ++i;
    return Key(int(Key::NotifyDoor) + i);
}

bool Settings::notify(NotifyKind kind) const
{
    return value(notifyKey(kind)).toBool();
}

void Settings::setNotify(NotifyKind kind, bool on)
{
    setValue(notifyKey(kind), on);
}

NotifyKinds Settings::notifications() const
{
    NotifyKinds kinds;
    for (NotifyKind k : AllNotifyKinds)
        kinds.setFlag(k, notify(k));
    return kinds;
}

void Settings::sync()
{
    m_settings->sync();
    // Bridge addresses and names are private enough to keep from other users.
    QFile::setPermissions(m_settings->fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

QString Settings::pushSecretPath()
{
    QString path = m_settings->value(QStringLiteral("push/path")).toString();
    if (!path.startsWith(QLatin1String("/nuki-desktop/")) || path.size() < 30) {
        path = newCallbackPath();
        m_settings->setValue(QStringLiteral("push/path"), path);
    }
    return path;
}

QString Settings::personName(quint32 id) const
{
    const QString prefix = QString::number(id) + u'=';
    for (const QString &entry : value(Key::PeopleNames).toStringList())
        if (entry.startsWith(prefix))
            return entry.mid(prefix.size()).trimmed().left(40);
    return {};
}

QString Settings::mqttClientId()
{
    static const QLatin1StringView prefix("nuki-desktop-");
    QString id = m_settings->value(QStringLiteral("mqtt/clientId")).toString();
    if (!id.startsWith(prefix) || id.size() != prefix.size() + 12) {
        id = prefix + newCallbackPath(QString()).left(12);
        m_settings->setValue(QStringLiteral("mqtt/clientId"), id);
    }
    return id;
}

QList<BridgeConfig> Settings::bridges() const
{
    QList<BridgeConfig> list;
    // A hand-edited file may claim any size: read no more than a household could have.
    const int n = qMin(m_settings->beginReadArray(QStringLiteral("bridges")), MaxBridges);
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
        // The id names the token's keychain entry and file: a bridge's is the hex of its
        // serverId; letters, digits, '-' and '_' are taken, never a path like "../../x".
        if (isBridgeId(b.id) && !b.host.isEmpty())
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

QList<BrokerConfig> Settings::brokers() const
{
    QList<BrokerConfig> list;
    const int n = qMin(m_settings->beginReadArray(QStringLiteral("brokers")), MaxBridges);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        BrokerConfig b;
        b.id = m_settings->value(QStringLiteral("id")).toString();
        b.name = m_settings->value(QStringLiteral("name")).toString().left(64);
        b.host = m_settings->value(QStringLiteral("host")).toString().left(255);
        b.port = quint16(qBound(1, m_settings->value(QStringLiteral("port"), 1883).toInt(), 65535));
        b.username = m_settings->value(QStringLiteral("username")).toString().left(64);
        b.tls = m_settings->value(QStringLiteral("tls"), false).toBool();
        b.caFile = m_settings->value(QStringLiteral("caFile")).toString();
        // Nuki ids in hex, as the locks spell them; at most a household's worth.
        const QStringList ignored =
            m_settings->value(QStringLiteral("ignoredLocks")).toStringList().mid(0, 64);
        for (const QString &id : ignored) {
            bool ok = false;
            const quint32 n = id.toUInt(&ok, 16);
            if (ok && n != 0)
                b.ignoredLocks << n;
        }
        // The id names the password's keychain entry: never a path.
        if (isBridgeId(b.id) && !b.host.isEmpty())
            list << b;
    }
    m_settings->endArray();
    return list;
}

namespace {
// Replaces the entry with the same id, or adds it at the end.
template <typename Config> void upsertById(QList<Config> &list, const Config &entry)
{
    auto it =
        std::find_if(list.begin(), list.end(), [&](const Config &c) { return c.id == entry.id; });
    if (it == list.end())
        list << entry;
    else
        *it = entry;
}
} // namespace

void Settings::setBrokers(const QList<BrokerConfig> &list)
{
    m_settings->remove(QStringLiteral("brokers"));
    m_settings->beginWriteArray(QStringLiteral("brokers"), int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("id"), list[i].id);
        m_settings->setValue(QStringLiteral("name"), list[i].name);
        m_settings->setValue(QStringLiteral("host"), list[i].host);
        m_settings->setValue(QStringLiteral("port"), list[i].port);
        m_settings->setValue(QStringLiteral("username"), list[i].username);
        m_settings->setValue(QStringLiteral("tls"), list[i].tls);
        m_settings->setValue(QStringLiteral("caFile"), list[i].caFile);
        QStringList ignored;
        for (const quint32 id : list[i].ignoredLocks)
            ignored << QStringLiteral("%1").arg(id, 8, 16, QLatin1Char('0')).toUpper();
        if (ignored.isEmpty())
            m_settings->remove(QStringLiteral("ignoredLocks"));
        else
            m_settings->setValue(QStringLiteral("ignoredLocks"), ignored);
    }
    m_settings->endArray();
}

std::optional<WebConfig> Settings::webAccount() const
{
    if (!m_settings->value(QStringLiteral("web/enabled"), false).toBool())
        return std::nullopt;
    WebConfig c;
    c.name = m_settings->value(QStringLiteral("web/name")).toString().left(64);
    c.apiUrl = m_settings->value(QStringLiteral("web/apiUrl"), c.apiUrl).toString().left(255);
    c.caFile = m_settings->value(QStringLiteral("web/caFile")).toString().left(4096);
    c.namesFromAuths = m_settings->value(QStringLiteral("web/namesFromAuths"), false).toBool();
    return c;
}

void Settings::setWebAccount(const WebConfig &c)
{
    m_settings->setValue(QStringLiteral("web/enabled"), true);
    m_settings->setValue(QStringLiteral("web/name"), c.name);
    m_settings->setValue(QStringLiteral("web/apiUrl"), c.apiUrl);
    m_settings->setValue(QStringLiteral("web/caFile"), c.caFile);
    m_settings->setValue(QStringLiteral("web/namesFromAuths"), c.namesFromAuths);
}

void Settings::removeWebAccount()
{
    m_settings->remove(QStringLiteral("web"));
}

void Settings::upsertBroker(const BrokerConfig &broker)
{
    QList<BrokerConfig> list = brokers();
    upsertById(list, broker);
    setBrokers(list);
}

void Settings::removeBroker(const QString &id)
{
    QList<BrokerConfig> list = brokers();
    list.removeIf([&](const BrokerConfig &b) { return b.id == id; });
    setBrokers(list);
}

void Settings::upsertBridge(const BridgeConfig &bridge)
{
    QList<BridgeConfig> list = bridges();
    upsertById(list, bridge);
    setBridges(list);
}

void Settings::removeBridge(const QString &id)
{
    QList<BridgeConfig> list = bridges();
    list.removeIf([&](const BridgeConfig &b) { return b.id == id; });
    setBridges(list);
}

} // namespace nuki

QString nuki::Settings::dataFileFor(const QString &settingsFile, const QString &prefix,
                                    const QString &suffix)
{
    const QByteArray which =
        QCryptographicHash::hash(QFileInfo(settingsFile).absoluteFilePath().toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(12);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + prefix +
           QString::fromLatin1(which) + suffix;
}

namespace nuki {

QList<automation::Rule> Settings::automationRules() const
{
    QList<automation::Rule> rules;
    // At most a rule per trigger for each of a household's devices.
    const int n =
        qMin(m_settings->beginReadArray(QStringLiteral("automations")), int(MaxAutomationRules));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        const auto trigger =
            automation::triggerFromName(m_settings->value(QStringLiteral("trigger")).toString());
        const DeviceKey key =
            DeviceKey::fromString(m_settings->value(QStringLiteral("device")).toString());
        if (!trigger || key.nukiId == 0)
            continue;
        automation::Rule r;
        r.trigger = *trigger;
        r.device = key;
        // A delay that is no number of seconds gets the default, not 0 ("at once").
        bool ok = false;
        const int after = m_settings->value(QStringLiteral("after")).toString().toInt(&ok);
        r.afterSeconds = ok && after >= 0 ? qMin(after, automation::MaxAfterSeconds)
                                          : automation::defaultAfterSeconds(*trigger);
        // Only a plain "true" (as saved) is a full lock: "no", "off" or junk is a plain lock
        // (QVariant's toBool takes any other word for true).
        const QString full = m_settings->value(QStringLiteral("fullLock")).toString().trimmed();
        r.fullLock = full.compare(u"true", Qt::CaseInsensitive) == 0 || full == u"1";
        r.deviceName = m_settings->value(QStringLiteral("name")).toString().left(64);
        rules << r;
    }
    m_settings->endArray();
    return rules;
}

void Settings::setAutomationRules(const QList<automation::Rule> &rules)
{
    m_settings->remove(QStringLiteral("automations"));
    const int n = int(qMin(rules.size(), qsizetype(MaxAutomationRules)));
    m_settings->beginWriteArray(QStringLiteral("automations"), n);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("trigger"), automation::triggerName(rules[i].trigger));
        m_settings->setValue(QStringLiteral("device"), rules[i].device.toString());
        m_settings->setValue(QStringLiteral("after"), rules[i].afterSeconds);
        if (rules[i].fullLock)
            m_settings->setValue(QStringLiteral("fullLock"), true);
        if (!rules[i].deviceName.isEmpty())
            m_settings->setValue(QStringLiteral("name"), rules[i].deviceName.left(64));
    }
    m_settings->endArray();
}

bool Settings::automationsPaused() const
{
    return m_settings->value(QStringLiteral("automationsPaused"), false).toBool();
}

void Settings::setAutomationsPaused(bool paused)
{
    m_settings->setValue(QStringLiteral("automationsPaused"), paused);
}

void Settings::reload()
{
    m_settings->sync();
}

} // namespace nuki
