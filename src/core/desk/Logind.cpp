#include "desk/Logind.h"

#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <functional>

namespace nuki::desk {

using automation::ScreenSignal;

namespace {
const QString Properties = QStringLiteral("org.freedesktop.DBus.Properties");

QString service()
{
    return QString::fromLatin1(Logind::Service);
}
} // namespace

Logind::Logind(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus) {}

Logind::~Logind() = default; // the inhibitors' descriptors close with their members

void Logind::start()
{
    if (!m_bus.isConnected())
        return; // no system bus: nothing to listen to (said in Settings)
    m_watcher =
        new QDBusServiceWatcher(service(), m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                if (newOwner.isEmpty())
                    vanished();
                else
                    appeared();
            });
    // With logind's name, not "": QtDBus then delivers only what its owner sends.
    m_bus.connect(service(), QString::fromLatin1(ManagerPath),
                  QString::fromLatin1(ManagerInterface), QStringLiteral("PrepareForSleep"), this,
                  SLOT(onPrepareForSleep(bool)));
    m_bus.connect(service(), QString::fromLatin1(ManagerPath),
                  QString::fromLatin1(ManagerInterface), QStringLiteral("PrepareForShutdown"), this,
                  SLOT(onPrepareForShutdown(bool)));
    appeared();
}

void Logind::appeared()
{
    ++m_generation;
    const QString id = qEnvironmentVariable("XDG_SESSION_ID");
    QStringList candidates{QStringLiteral("auto")};
    if (!id.isEmpty())
        candidates.append(id);
    findSession(candidates);
    readManager();
}

void Logind::vanished()
{
    ++m_generation;
    const bool was = m_present;
    m_present = false;
    if (!m_sessionPath.isEmpty()) {
        m_bus.disconnect(service(), m_sessionPath, Properties, QStringLiteral("PropertiesChanged"),
                         this, SLOT(onSessionProperties(QString, QVariantMap, QStringList)));
        m_bus.disconnect(service(), m_sessionPath, QString::fromLatin1(SessionInterface),
                         QStringLiteral("Lock"), this, SLOT(onLock()));
        m_bus.disconnect(service(), m_sessionPath, QString::fromLatin1(SessionInterface),
                         QStringLiteral("Unlock"), this, SLOT(onUnlock()));
    }
    m_sessionPath.clear();
    m_sessionId.clear();
    for (auto it = m_inhibitors.begin(); it != m_inhibitors.end(); ++it) {
        it->fd = QDBusUnixFileDescriptor(); // a dead logind's lock means nothing
        it->asking = false;
        it->suspended = false;
    }
    if (was) {
        emit lost();
        emit changed();
    }
}

// Calls `method` on logind, and `done` with the answer unless logind restarted meanwhile.
static void callLogind(QObject *context, const QDBusConnection &bus, const QString &path,
                       const QString &interface, const QString &method, const QVariantList &args,
                       std::function<bool()> current,
                       std::function<void(const QDBusMessage &)> done)
{
    QDBusMessage m = QDBusMessage::createMethodCall(service(), path, interface, method);
    m.setArguments(args);
    auto *w = new QDBusPendingCallWatcher(bus.asyncCall(m, 5000), context);
    QObject::connect(w, &QDBusPendingCallWatcher::finished, context,
                     [w, current = std::move(current), done = std::move(done)] {
                         w->deleteLater();
                         if (current())
                             done(w->reply());
                     });
}

void Logind::findSession(const QStringList &candidates)
{
    if (candidates.isEmpty()) {
        m_sessionPath.clear();
        emit changed(); // logind is there, but no session of ours
        return;
    }
    const quint64 gen = m_generation;
    auto current = [this, gen] { return gen == m_generation; };
    callLogind(
        this, m_bus, QString::fromLatin1(ManagerPath), QString::fromLatin1(ManagerInterface),
        QStringLiteral("GetSession"), {candidates.first()}, current,
        [this, candidates, current](const QDBusMessage &reply) {
            if (reply.type() == QDBusMessage::ErrorMessage) {
                if (reply.errorName() !=
                    QLatin1StringView("org.freedesktop.DBus.Error.ServiceUnknown"))
                    m_present = true;
                findSession(candidates.mid(1));
                return;
            }
            m_present = true;
            const QString path = reply.arguments().value(0).value<QDBusObjectPath>().path();
            // The object must exist and say its Id: a convenience path is resolved to the
            // real one, where logind emits its signals.
            callLogind(
                this, m_bus, path, Properties, QStringLiteral("Get"),
                {QString::fromLatin1(SessionInterface), QStringLiteral("Id")}, current,
                [this, candidates, path](const QDBusMessage &idReply) {
                    const QString id =
                        idReply.arguments().value(0).value<QDBusVariant>().variant().toString();
                    if (idReply.type() == QDBusMessage::ErrorMessage || id.isEmpty()) {
                        findSession(candidates.mid(1));
                        return;
                    }
                    if (path.endsWith(QLatin1StringView("/auto")) ||
                        path.endsWith(QLatin1StringView("/self"))) {
                        findSession({id});
                        return;
                    }
                    useSession(path, id);
                });
        });
}

void Logind::useSession(const QString &path, const QString &id)
{
    m_sessionPath = path;
    m_sessionId = id;
    m_bus.connect(service(), path, Properties, QStringLiteral("PropertiesChanged"), this,
                  SLOT(onSessionProperties(QString, QVariantMap, QStringList)));
    // Lock and Unlock are both a method and a signal of the session: connected by name.
    m_bus.connect(service(), path, QString::fromLatin1(SessionInterface), QStringLiteral("Lock"),
                  this, SLOT(onLock()));
    m_bus.connect(service(), path, QString::fromLatin1(SessionInterface), QStringLiteral("Unlock"),
                  this, SLOT(onUnlock()));
    const quint64 gen = m_generation;
    callLogind(
        this, m_bus, path, Properties, QStringLiteral("Get"),
        {QString::fromLatin1(SessionInterface), QStringLiteral("LockedHint")},
        [this, gen] { return gen == m_generation; },
        [this](const QDBusMessage &reply) {
            // The state at start is only noted: a screen locked before we ran (or before
            // logind restarted) is no event of ours. An unlock missed meanwhile is said: the
            // episode it ends must not swallow the next lock.
            const QVariant v = reply.arguments().value(0).value<QDBusVariant>().variant();
            if (reply.type() != QDBusMessage::ErrorMessage && v.typeId() == QMetaType::Bool) {
                const bool was = m_lockedHint;
                m_lockedHint = v.toBool();
                if (was && !m_lockedHint)
                    emit screenUnlocked(ScreenSignal::LockedHint);
            }
            emit changed();
        });
    emit changed();
}

void Logind::readManager()
{
    const quint64 gen = m_generation;
    callLogind(
        this, m_bus, QString::fromLatin1(ManagerPath), Properties, QStringLiteral("Get"),
        {QString::fromLatin1(ManagerInterface), QStringLiteral("InhibitDelayMaxUSec")},
        [this, gen] { return gen == m_generation; },
        [this](const QDBusMessage &reply) {
            bool ok = false;
            const qulonglong usec =
                reply.arguments().value(0).value<QDBusVariant>().variant().toULongLong(&ok);
            if (reply.type() != QDBusMessage::ErrorMessage && ok && usec > 0)
                m_delayMaxMs = qint64(std::min<qulonglong>(usec / 1000, 3600 * 1000));
            else if (reply.type() == QDBusMessage::ErrorMessage &&
                     reply.errorName() ==
                         QLatin1StringView("org.freedesktop.DBus.Error.ServiceUnknown"))
                return;
            m_present = true;
            for (auto it = m_inhibitors.begin(); it != m_inhibitors.end(); ++it)
                syncInhibitor(it.key());
        });
}

void Logind::onSessionProperties(const QString &interface, const QVariantMap &changedProps,
                                 const QStringList &invalidated)
{
    if (interface != QLatin1StringView(SessionInterface))
        return;
    if (changedProps.contains(QStringLiteral("LockedHint"))) {
        const QVariant value = changedProps.value(QStringLiteral("LockedHint"));
        if (value.typeId() != QMetaType::Bool)
            return; // not logind's boolean: a string "no" is no lock
        const bool locked = value.toBool();
        if (locked == m_lockedHint)
            return;
        m_lockedHint = locked;
        if (locked)
            emit screenLocked(ScreenSignal::LockedHint);
        else
            emit screenUnlocked(ScreenSignal::LockedHint);
        emit changed();
    } else if (invalidated.contains(QStringLiteral("LockedHint"))) {
        useSession(m_sessionPath, m_sessionId); // read it again
    }
}

void Logind::onLock()
{
    emit screenLocked(ScreenSignal::SessionLock);
}

void Logind::onUnlock()
{
    emit screenUnlocked(ScreenSignal::SessionLock);
}

void Logind::onPrepareForSleep(bool start)
{
    if (!start) {
        Inhibitor &i = m_inhibitors[QStringLiteral("sleep")];
        i.suspended = false;
        syncInhibitor(QStringLiteral("sleep"));
    }
    emit prepareForSleep(start);
}

void Logind::onPrepareForShutdown(bool start)
{
    if (!start) {
        m_inhibitors[QStringLiteral("shutdown")].suspended = false;
        syncInhibitor(QStringLiteral("shutdown"));
    }
    emit prepareForShutdown(start);
}

void Logind::setWanted(const QString &what, bool wanted)
{
    Inhibitor &i = m_inhibitors[what];
    if (i.wanted == wanted)
        return;
    i.wanted = wanted;
    syncInhibitor(what);
}

bool Logind::holds(const QString &what) const
{
    return m_inhibitors.value(what).fd.isValid();
}

QString Logind::inhibitError(const QString &what) const
{
    return m_inhibitors.value(what).error;
}

void Logind::drop(const QString &what)
{
    Inhibitor &i = m_inhibitors[what];
    if (!i.fd.isValid())
        return;
    i.fd = QDBusUnixFileDescriptor(); // the last copy: logind sees it closed
    emit changed();
}

void Logind::release(const QString &what)
{
    m_inhibitors[what].suspended = true;
    drop(what);
}

void Logind::syncInhibitor(const QString &what)
{
    Inhibitor &i = m_inhibitors[what];
    if (!i.wanted) {
        drop(what);
        return;
    }
    if (!m_present || i.asking || i.suspended || i.fd.isValid())
        return;
    i.asking = true;
    const quint64 gen = m_generation;
    const QString why = what == QLatin1StringView("sleep")
                            ? tr("Locking your doors before the computer sleeps")
                            : tr("Locking your doors before the computer shuts down");
    callLogind(
        this, m_bus, QString::fromLatin1(ManagerPath), QString::fromLatin1(ManagerInterface),
        QStringLiteral("Inhibit"),
        {what, QStringLiteral("Nuki Desktop"), why, QStringLiteral("delay")},
        // After a restart the reply (and its descriptor) goes with the watcher.
        [this, gen] { return gen == m_generation; },
        [this, what](const QDBusMessage &reply) {
            Inhibitor &in = m_inhibitors[what];
            in.asking = false;
            if (reply.type() == QDBusMessage::ErrorMessage) {
                in.error = reply.errorMessage().left(200);
                emit changed();
                return;
            }
            in.error.clear();
            const auto fd = reply.arguments().value(0).value<QDBusUnixFileDescriptor>();
            if (in.wanted && !in.suspended && fd.isValid())
                in.fd = fd; // otherwise it closes here: not wanted any more
            emit changed();
        });
}

void Logind::lockSession()
{
    if (m_sessionId.isEmpty())
        return;
    QDBusMessage m = QDBusMessage::createMethodCall(service(), QString::fromLatin1(ManagerPath),
                                                    QString::fromLatin1(ManagerInterface),
                                                    QStringLiteral("LockSession"));
    m.setArguments({m_sessionId});
    m_bus.asyncCall(m);
}

} // namespace nuki::desk
