#pragma once

// A year of a household's history, made up but shaped like the real thing, for the History
// window's tests and the benchmark: three devices, their doors opened and closed (with how long),
// our actions with their outcomes and origins, someone else's changes with who, rings, a
// battery that runs down, and the app not running every night.
#include "history/JournalDb.h"

#include <QRandomGenerator>

namespace historyfixture {

inline const nuki::DeviceKey Front{0x1001, 4}, Gate{0x2002, 2}, Back{0x3003, 0};

inline nuki::HistoryEvent at(nuki::HistoryKind kind, const nuki::DeviceKey &key,
                             const QString &name, const QDateTime &when)
{
    nuki::HistoryEvent e;
    e.kind = kind;
    e.key = key;
    e.deviceName = name;
    e.at = when;
    e.sourceId = QStringLiteral("B1");
    e.sourceName = QStringLiteral("Hall bridge");
    return e;
}

// About `count` events ending at `now`, oldest first, written in batches. Returns false if it
// could not. A test passes the instant it states (clock::ScopedFixed), never the hour it runs at:
// how much of "today" there is depends on it.
inline bool fill(nuki::JournalDb &db, int count, quint32 seed = 7,
                 const QDateTime &now = QDateTime::currentDateTime())
{
    using namespace nuki;
    QRandomGenerator rnd(seed);
    // About a year: the app runs from 06:30 to 22:30 every day; the last day is today.
    const int perDay = qMax(40, count / 365);
    const int days = qMax(1, count / perDay);
    // An iteration writes 4/3 of an event on average (a door is two).
    const qint64 step = 16LL * 3600000 * 4 / 3 / perDay;
    int battery = 100;
    QList<HistoryEvent> batch;
    int written = 0;
    qint64 session = 0;
    const struct
    {
        DeviceKey key;
        const char *name;
    } devices[] = {{Front, "Front door"}, {Gate, "Garden gate"}, {Back, "Back door"}};
    QDate date = now.date().addDays(-days + 1);
    QDateTime t(date, QTime(6, 30)), last = t;
    if (t > now) // before 06:30 today: the day starts now
        t = now.addSecs(-3600);
    bool newDay = true;
    // Until now: about `count` events (the total is whatever the file counts).
    while (t < now.addSecs(-60) && written < count * 11 / 10) {
        if (t.time() > QTime(22, 30) && date < now.date()) {
            date = date.addDays(1);
            t = QDateTime(date, QTime(6, 30));
            newDay = true;
        }
        if (newDay) {
            newDay = false;
            // A new run of the app each morning; the night before nothing was recorded.
            if (session)
                db.touchSession(session, last);
            session = db.startSession(t);
            battery = qMax(5, battery - (rnd.bounded(4) == 0 ? 1 : 0));
            for (const auto &d : devices) {
                HistoryEvent b = at(HistoryKind::Battery, d.key, QLatin1String(d.name), t);
                b.state = d.key == Gate ? 100 : d.key == Back ? qMin(100, battery + 12) : battery;
                batch << b;
                ++written;
            }
        }
        const auto &d = devices[rnd.bounded(3)];
        const QString name = QLatin1String(d.name);
        switch (rnd.bounded(6)) {
        case 0: {
            HistoryEvent e = at(HistoryKind::Action, d.key, name, t);
            e.action = rnd.bounded(2) ? 1 : 2;
            e.origin = ActionOrigin(rnd.bounded(4));
            e.outcome = rnd.bounded(20) ? HistoryOutcome::Done : HistoryOutcome::Unknown;
            e.endedAt = t.addMSecs(1500 + rnd.bounded(2000));
            if (e.outcome == HistoryOutcome::Unknown)
                e.detail = QStringLiteral("No answer from the bridge in time");
            e.uid = QStringLiteral("fixture:%1").arg(written);
            batch << e;
            break;
        }
        case 1: {
            HistoryEvent e = at(HistoryKind::StateChanged, d.key, name, t);
            e.state = rnd.bounded(2) ? 1 : 3;
            if (d.key == Front)
                e.how = e.state == 1 ? QStringLiteral("Locked by auto lock")
                                     : QStringLiteral("Unlocked with keypad code “Anna”");
            batch << e;
            break;
        }
        case 2:
        case 3: {
            HistoryEvent o = at(HistoryKind::DoorOpened, d.key, name, t);
            o.state = 3;
            const qint64 open = 5000 + rnd.bounded(600000);
            HistoryEvent c = at(HistoryKind::DoorClosed, d.key, name, t.addMSecs(open));
            c.state = 2;
            c.durationMs = open;
            batch << o << c;
            ++written;
            break;
        }
        case 4:
            batch << at(HistoryKind::Ring, Gate, QStringLiteral("Garden gate"), t);
            break;
        default: {
            HistoryEvent e = at(
                rnd.bounded(2) ? HistoryKind::SourceOffline : HistoryKind::SourceOnline, {}, {}, t);
            e.key = {};
            e.deviceName.clear();
            batch << e;
        }
        }
        ++written;
        last = t;
        t = t.addMSecs(step);
        if (batch.size() >= 5000) {
            if (!db.insert(batch))
                return false;
            batch.clear();
        }
    }
    if (session)
        db.touchSession(session, now);
    return db.insert(batch);
}

} // namespace historyfixture
