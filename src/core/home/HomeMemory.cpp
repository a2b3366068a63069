#include "home/HomeMemory.h"

#include "store/RegularFile.h"
#include "store/Settings.h"

#include "home/Home.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

namespace nuki {

namespace {

const QLatin1String FormatName("nuki-desktop-home-memory");

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &v)
{
    if (!v.isString() || v.toString().size() > 40)
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    // Before this app existed is no time anyone saw a device: "last seen 739945 days ago".
    static const QDateTime earliest(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    return t.isValid() && t >= earliest ? t.toUTC() : QDateTime();
}

bool stringFrom(const QJsonObject &o, const char *key, qsizetype maxSize, QString *out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        out->clear();
        return true;
    }
    if (!v.isString() || v.toString().size() > maxSize)
        return false;
    *out = v.toString();
    return true;
}

QJsonObject stateObject(const DeviceState &s)
{
    QJsonObject o;
    o[QLatin1String("known")] = s.known;
    o[QLatin1String("mode")] = s.mode;
    o[QLatin1String("state")] = s.state;
    o[QLatin1String("stateName")] = s.stateName;
    o[QLatin1String("batteryCritical")] = s.batteryCritical;
    if (s.batteryCharging)
        o[QLatin1String("batteryCharging")] = *s.batteryCharging;
    if (s.batteryChargeState)
        o[QLatin1String("batteryChargeState")] = *s.batteryChargeState;
    if (s.keypadBatteryCritical)
        o[QLatin1String("keypadBatteryCritical")] = *s.keypadBatteryCritical;
    if (s.doorsensorState)
        o[QLatin1String("doorsensorState")] = *s.doorsensorState;
    if (s.timestamp.isValid())
        o[QLatin1String("timestamp")] = timeText(s.timestamp);
    return o;
}

bool stateFrom(const QJsonObject &o, DeviceState *s)
{
    auto flag = [&](const char *key, bool *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isBool())
            return false;
        *out = v.toBool();
        return true;
    };
    auto optFlag = [&](const char *key, std::optional<bool> *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isBool())
            return false;
        *out = v.toBool();
        return true;
    };
    auto optInt = [&](const char *key, qint64 low, qint64 high, std::optional<int> *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        const auto n = boundedInteger(v, low, high);
        if (n)
            *out = int(*n);
        return n.has_value();
    };
    std::optional<int> mode, state;
    if (!flag("known", &s->known) || !optInt("mode", -1, 255, &mode) ||
        !optInt("state", -1, 255, &state) || !stringFrom(o, "stateName", 64, &s->stateName) ||
        !flag("batteryCritical", &s->batteryCritical) ||
        !optFlag("batteryCharging", &s->batteryCharging) ||
        !optInt("batteryChargeState", 0, 100, &s->batteryChargeState) ||
        !optFlag("keypadBatteryCritical", &s->keypadBatteryCritical) ||
        !optInt("doorsensorState", 0, 255, &s->doorsensorState))
        return false;
    s->mode = mode.value_or(-1);
    s->state = state.value_or(-1);
    s->timestamp = timeFrom(o.value(QLatin1String("timestamp")));
    return true;
}

bool recordFrom(const QJsonValue &value, DeviceRecord *r)
{
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    // "bridgeId" in files written before sources.
    QString sourceId;
    const char *idKey = o.contains(QLatin1String("sourceId")) ? "sourceId" : "bridgeId";
    if (!stringFrom(o, idKey, 64, &sourceId) || sourceId.isEmpty())
        return false;
    for (QChar c : std::as_const(sourceId))
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return false;
    const auto nukiId = boundedInteger(o.value(QLatin1String("nukiId")), 1, 0xFFFFFFFFLL);
    const auto deviceType = boundedInteger(o.value(QLatin1String("deviceType")), 0, 255);
    if (!nukiId || !deviceType)
        return false;
    r->key = {quint32(*nukiId), int(*deviceType)};
    r->sourceId = sourceId;
    r->device.nukiId = r->key.nukiId;
    r->device.deviceType = r->key.deviceType;
    if (!stringFrom(o, "name", 256, &r->device.name) ||
        !stringFrom(o, "firmwareVersion", 64, &r->device.firmwareVersion))
        return false;
    const QJsonValue state = o.value(QLatin1String("state"));
    if (!state.isObject() || !stateFrom(state.toObject(), &r->device.state))
        return false;
    r->lastUpdate = timeFrom(o.value(QLatin1String("lastSeen")));
    // A time ahead of this computer's clock would read as "just now": say nothing instead.
    if (r->lastUpdate > QDateTime::currentDateTimeUtc().addSecs(60))
        r->lastUpdate = {};
    return true;
}

QByteArray rawFile(const QString &path)
{
    QFile f(path);
    return QFileInfo(path).isFile() && f.open(QIODevice::ReadOnly)
               ? f.read(HomeMemory::MaxFileBytes + 1)
               : QByteArray();
}

} // namespace

QByteArray HomeMemory::serialize(const QList<DeviceRecord> &records, bool withTimes)
{
    QJsonArray devices;
    for (const DeviceRecord &r : records) {
        QJsonObject o;
        o[QLatin1String("sourceId")] = r.sourceId;
        o[QLatin1String("nukiId")] = double(r.key.nukiId);
        o[QLatin1String("deviceType")] = r.key.deviceType;
        o[QLatin1String("name")] = r.device.name;
        o[QLatin1String("firmwareVersion")] = r.device.firmwareVersion;
        DeviceState s = r.device.state;
        if (!withTimes)
            s.timestamp = {};
        o[QLatin1String("state")] = stateObject(s);
        if (withTimes && r.lastUpdate.isValid())
            o[QLatin1String("lastSeen")] = timeText(r.lastUpdate);
        devices.append(o);
    }
    QJsonObject top;
    top[QLatin1String("format")] = FormatName;
    top[QLatin1String("version")] = FormatVersion;
    top[QLatin1String("devices")] = devices;
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

bool HomeMemory::parse(const QByteArray &data, QList<DeviceRecord> *out, QString *error)
{
    out->clear();
    if (data.size() > MaxFileBytes) {
        *error = QStringLiteral("larger than %1 bytes").arg(MaxFileBytes);
        return false;
    }
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("not a JSON object (%1)").arg(e.errorString());
        return false;
    }
    const QJsonObject top = doc.object();
    if (top.value(QLatin1String("format")).toString() != FormatName) {
        *error = QStringLiteral("not a home memory file");
        return false;
    }
    const auto version = boundedInteger(top.value(QLatin1String("version")), 1, 1000000);
    if (version != FormatVersion) {
        *error = QStringLiteral("format version %1, this app reads %2")
                     .arg(version ? QString::number(*version) : QStringLiteral("?"))
                     .arg(FormatVersion);
        return false;
    }
    const QJsonValue devices = top.value(QLatin1String("devices"));
    if (!devices.isArray() || devices.toArray().size() > MaxDevices) {
        *error = QStringLiteral("no list of at most %1 devices").arg(MaxDevices);
        return false;
    }
    int skipped = 0;
    QSet<DeviceKey> seen;
    for (const QJsonValue &v : devices.toArray()) {
        DeviceRecord r;
        if (!recordFrom(v, &r) || seen.contains(r.key)) {
            ++skipped;
            continue;
        }
        seen.insert(r.key);
        out->append(r);
    }
    error->clear();
    if (skipped)
        *error = QStringLiteral("%1 unusable entries skipped").arg(skipped);
    return true;
}

bool HomeMemory::readFile(const QString &path, QList<DeviceRecord> *out, QString *error)
{
    out->clear();
    error->clear();
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return true; // nothing remembered yet
    // Not a FIFO or a device: opening one could block the start. Not a link: the memory is
    // ours, and a link could make its saving overwrite whatever it points to.
    if (info.isSymLink() || !isRegularFile(path) || info.size() > MaxFileBytes) {
        *error = info.isSymLink() ? QStringLiteral("a symbolic link")
                 : info.isFile()  ? QStringLiteral("larger than %1 bytes").arg(MaxFileBytes)
                                  : QStringLiteral("not a regular file");
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    return parse(f.read(MaxFileBytes + 1), out, error);
}

bool HomeMemory::writeFile(const QString &path, const QByteArray &data, QString *error)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir)) {
            *error = QStringLiteral("cannot create %1").arg(dir);
            return false;
        }
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    // QSaveFile writes through a symbolic link to its target: the link itself is replaced
    // instead (whoever could plant it must not choose what we overwrite).
    if (QFileInfo(path).isSymLink() && !QFile::remove(path)) {
        *error = QStringLiteral("cannot replace the symbolic link %1").arg(path);
        return false;
    }
    QSaveFile f(path);
    // Owner-only before the first byte: the temporary file becomes the file.
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(data) != data.size() || !f.commit()) {
        *error = f.errorString();
        f.cancelWriting();
        return false;
    }
    return true;
}

QString HomeMemory::pathFor(const QString &settingsFile)
{
    return Settings::dataFileFor(settingsFile, QStringLiteral("home-memory-"),
                                 QStringLiteral(".json"));
}

HomeMemory::HomeMemory(Home *home, const QString &path, QObject *parent)
    : QObject(parent), m_home(home), m_path(path)
{
    QList<DeviceRecord> read;
    QString error;
    if (!readFile(path, &read, &error)) {
        m_warning = error;
        qWarning("Home memory %s ignored: %s", qPrintable(path), qPrintable(error));
        read.clear();
    } else {
        if (!error.isEmpty())
            qWarning("Home memory %s: %s", qPrintable(path), qPrintable(error));
        // What the file holds as this app would write it; a file that differs is rewritten.
        m_savedContent = serialize(read, false);
        m_savedWithTimes = rawFile(path); // anything else in it goes at the next full save
    }
    for (const DeviceRecord &r : std::as_const(read))
        m_bySource[r.sourceId] << r;

    m_timer.setSingleShot(true);
    m_timer.setInterval(SaveDelayMs);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { save(); });
    connect(home, &Home::sourceAdded, this,
            [this](const QString &id) { m_home->restore(id, m_bySource.take(id)); });
    for (const QString &id : home->sourceIds())
        home->restore(id, m_bySource.take(id));
    connect(home, &Home::sourceRemoved, this, [this](const QString &id) {
        m_bySource.remove(id);
        save(); // its devices leave the file now, not a few seconds later
    });
    connect(home, &Home::deviceAdded, this, &HomeMemory::changed);
    connect(home, &Home::deviceRemoved, this, &HomeMemory::changed);
    connect(home, &Home::deviceChanged, this, &HomeMemory::changed);
}

HomeMemory::~HomeMemory()
{
    save(true);
}

int HomeMemory::remembered() const
{
    int n = 0;
    for (const auto &list : m_bySource)
        n += int(list.size());
    return n;
}

void HomeMemory::changed()
{
    // Not restarted by each change: a busy home is still saved within SaveDelayMs.
    if (!m_timer.isActive())
        m_timer.start();
}

QList<DeviceRecord> HomeMemory::current() const
{
    QList<DeviceRecord> records;
    for (const DeviceKey &key : m_home->devices())
        if (const DeviceRecord *r = m_home->device(key))
            records << *r;
    return records;
}

void HomeMemory::save(bool includingTimes)
{
    m_timer.stop();
    const QList<DeviceRecord> records = current();
    const QByteArray content = serialize(records, false);
    const QByteArray withTimes = serialize(records, true);
    if (content == m_savedContent && (!includingTimes || withTimes == m_savedWithTimes))
        return;
    QString error;
    if (!writeFile(m_path, withTimes, &error)) {
        m_warning = error;
        qWarning("Home memory %s not written: %s", qPrintable(m_path), qPrintable(error));
        return;
    }
    m_warning.clear();
    m_savedContent = content;
    m_savedWithTimes = withTimes;
    ++m_writes;
}

} // namespace nuki
