#pragma once
// logind played by python3-dbusmock on the test's private system bus: our session c1 (the
// test sets XDG_SESSION_ID=c1), a small InhibitDelayMaxUSec, the session's LockedHint and
// Lock, PrepareForSleep/PrepareForShutdown from logind's own name, and the inhibitors it lists.
#include "DbusMock.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QStringList>

class LogindMock : public DbusMock
{
public:
    static inline const QString Name = QStringLiteral("org.freedesktop.login1");
    static inline const QString ManagerPath = QStringLiteral("/org/freedesktop/login1");
    static inline const QString ManagerIface = QStringLiteral("org.freedesktop.login1.Manager");
    static inline const QString SessionPath = QStringLiteral("/org/freedesktop/login1/session/c1");
    static inline const QString SessionIface = QStringLiteral("org.freedesktop.login1.Session");

    static QDBusConnection bus() { return QDBusConnection::systemBus(); }

    // Started with session c1 and a budget of `delayMaxUsec` for a delay inhibitor.
    bool start(quint64 delayMaxUsec)
    {
        if (!DbusMock::start(
                {QStringLiteral("--system"), QStringLiteral("-t"), QStringLiteral("logind")}, Name,
                bus()))
            return false;
        const QString mock = QString::fromLatin1(MockInterface);
        const QDBusMessage s = call(
            bus(), Name, ManagerPath, mock, QStringLiteral("AddSession"),
            {QStringLiteral("c1"), QStringLiteral("seat0"), 1000u, QStringLiteral("alice"), true});
        const QDBusMessage p =
            call(bus(), Name, ManagerPath, mock, QStringLiteral("AddProperty"),
                 {ManagerIface, QStringLiteral("InhibitDelayMaxUSec"),
                  QVariant::fromValue(QDBusVariant(QVariant::fromValue(delayMaxUsec)))});
        return s.type() == QDBusMessage::ReplyMessage && p.type() == QDBusMessage::ReplyMessage;
    }
    static bool setLockedHint(bool locked)
    {
        return call(bus(), Name, SessionPath, SessionIface, QStringLiteral("SetLockedHint"),
                    {locked})
                   .type() == QDBusMessage::ReplyMessage;
    }
    static bool lockSession() // the session's Lock signal, as `loginctl lock-session` gives it
    {
        return call(bus(), Name, SessionPath, SessionIface, QStringLiteral("Lock")).type() ==
               QDBusMessage::ReplyMessage;
    }
    // PrepareForSleep or PrepareForShutdown, from logind's own name.
    static bool prepareFor(const char *what, bool start)
    {
        return emitSignal(bus(), Name, ManagerPath, ManagerIface,
                          QStringLiteral("PrepareFor") + QLatin1StringView(what),
                          QStringLiteral("b"), {start})
                   .type() == QDBusMessage::ReplyMessage;
    }
    // Who holds an inhibitor now: "who:what:mode" each.
    static QStringList inhibitors()
    {
        const QDBusMessage r =
            call(bus(), Name, ManagerPath, ManagerIface, QStringLiteral("ListInhibitors"));
        if (r.type() != QDBusMessage::ReplyMessage || r.arguments().isEmpty())
            return {QStringLiteral("(no answer)")};
        QStringList out;
        const QDBusArgument arg = r.arguments().first().value<QDBusArgument>();
        arg.beginArray();
        while (!arg.atEnd()) {
            QString what, who, why, mode;
            uint uid = 0, pid = 0;
            arg.beginStructure();
            arg >> what >> who >> why >> mode >> uid >> pid;
            arg.endStructure();
            out << who + u':' + what + u':' + mode;
        }
        arg.endArray();
        return out;
    }
};
