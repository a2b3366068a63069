// nukictl history: what the app (and nukictl itself) recorded, read from the history file
// while the app may be writing it (WAL: neither waits for the other). Never opens a bridge or
// a broker.
#include "CliCommands.h"

#include "history/HistoryExport.h"
#include "history/HistoryText.h"
#include "history/Journal.h"
#include "history/JournalDb.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

using namespace nuki;

static QString tr(const char *text)
{
    return QCoreApplication::translate("nukictl", text);
}

namespace {

// One line of the output: an event, or a time nothing could be recorded.
struct Entry
{
    QDateTime at;
    std::optional<HistoryEvent> event;
    HistoryGap gap;
};

} // namespace

static QString withOffset(const QDateTime &t)
{
    return t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

static QString gapText(const HistoryGap &g)
{
    const QLocale l;
    return tr("no record from %1 to %2 (the app was not running)")
        .arg(l.toString(g.from, QLocale::ShortFormat), l.toString(g.until, QLocale::ShortFormat));
}

int commands::history(CliContext &c, const Invocation &in)
{
    const QString path = Journal::pathFor(c.settings->fileName());
    JournalDb db;
    if (!db.open(path, JournalDb::Mode::Read)) {
        c.err << tr("No history to show: %1 (%2).").arg(db.problemText(), path) << Qt::endl;
        return db.problem() == JournalDb::Problem::Other && !QFileInfo::exists(path)
                   ? exitcode::Ok
                   : exitcode::Error;
    }
    const QDateTime now = QDateTime::currentDateTime();
    HistoryFilter filter;
    if (!in.since.isEmpty()) {
        filter.since = parseHistoryTime(in.since, false, now);
        if (!filter.since.isValid()) {
            c.err << tr("--since: “%1” is not a time (try 2026-12-01, \"2026-12-01 07:30\", "
                        "yesterday or 7d).")
                         .arg(in.since)
                  << Qt::endl;
            return exitcode::Usage;
        }
    }
    if (!in.until.isEmpty()) {
        filter.until = parseHistoryTime(in.until, true, now);
        if (!filter.until.isValid()) {
            c.err << tr("--until: “%1” is not a time.").arg(in.until) << Qt::endl;
            return exitcode::Usage;
        }
    }
    for (const QString &k : in.kinds) {
        const auto kind = historyKindFromName(k);
        if (!kind) {
            c.err << tr("--kind: “%1” is none of action, change, door, ring, battery, link.").arg(k)
                  << Qt::endl;
            return exitcode::Usage;
        }
        filter.kinds << *kind;
        if (*kind == HistoryKind::DoorOpened)
            filter.kinds << HistoryKind::DoorClosed;
        if (*kind == HistoryKind::SourceOffline)
            filter.kinds << HistoryKind::SourceOnline;
        if (*kind == HistoryKind::StateChanged)
            filter.kinds << HistoryKind::LockEvent;
    }
    if (!in.args.isEmpty()) {
        // A device by name (a unique beginning is enough) or by its Nuki id, among those the
        // history knows: it may be gone from every bridge by now.
        const QString q = in.args.first().trimmed();
        // The id as nukictl's other commands read it: decimal, or hex (with or without 0x).
        bool isNumber = false;
        quint32 id = q.toUInt(&isNumber, 10);
        if (!isNumber)
            id = (q.startsWith(u"0x", Qt::CaseInsensitive) ? q.mid(2) : q).toUInt(&isNumber, 16);
        QList<JournalDb::KnownDevice> exact, prefix;
        for (const JournalDb::KnownDevice &d : db.devices()) {
            if ((isNumber && id == d.key.nukiId) || d.name.compare(q, Qt::CaseInsensitive) == 0)
                exact << d;
            else if (d.name.startsWith(q, Qt::CaseInsensitive))
                prefix << d;
        }
        const QList<JournalDb::KnownDevice> matches = exact.isEmpty() ? prefix : exact;
        if (matches.size() != 1) {
            c.err << (matches.isEmpty() ? tr("The history knows no device “%1”.").arg(q)
                                        : tr("“%1” fits several devices; be more precise.").arg(q))
                  << Qt::endl;
            return exitcode::DeviceNotFound;
        }
        filter.device = matches.first().key;
    }
    if (filter.since.isValid() && filter.until.isValid() && filter.since >= filter.until) {
        c.err << tr("--since must be before --until.") << Qt::endl;
        return exitcode::Usage;
    }
    const bool csv = in.csv;
    // The newest first from the file, shown oldest first like any log.
    const int limit = in.count > 0 ? in.count : (csv || c.json ? 10'000'000 : 200);
    QList<HistoryEvent> events = db.query(filter, limit);
    std::reverse(events.begin(), events.end());
    QList<Entry> entries;
    for (const HistoryEvent &e : std::as_const(events))
        entries << Entry{e.at, e, {}};
    if (!events.isEmpty() && filter.kinds.isEmpty()) {
        for (const HistoryGap &g :
             db.gaps(events.first().at, filter.until.isValid() ? filter.until : now))
            entries << Entry{g.from, std::nullopt, g};
        std::stable_sort(entries.begin(), entries.end(),
                         [](const Entry &a, const Entry &b) { return a.at < b.at; });
    }

    if (c.json) {
        QJsonArray a;
        for (const Entry &e : std::as_const(entries)) {
            if (e.event) {
                a.append(historyJson(*e.event));
            } else {
                a.append(
                    QJsonObject{{QStringLiteral("time"), e.gap.from.toString(Qt::ISODateWithMs)},
                                {QStringLiteral("kind"), QStringLiteral("no-record")},
                                {QStringLiteral("ended"), e.gap.until.toString(Qt::ISODateWithMs)},
                                {QStringLiteral("text"), gapText(e.gap)}});
            }
        }
        c.print(QJsonDocument(a));
        return exitcode::Ok;
    }
    if (csv) {
        c.out.flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return exitcode::Error;
        out.write(historyCsvHeader());
        for (const Entry &e : std::as_const(entries)) {
            if (e.event) {
                out.write(historyCsvRow(*e.event));
            } else {
                // The same 15 columns: time, kind, …, ended (10th), …, text (15th).
                QStringList row(15);
                row[0] = withOffset(e.gap.from);
                row[1] = QStringLiteral("no-record");
                row[9] = withOffset(e.gap.until);
                row[14] = u'"' + gapText(e.gap) + u'"';
                out.write(row.join(u',').toUtf8() + "\r\n");
            }
        }
        out.flush();
        return exitcode::Ok;
    }
    const QLocale l;
    QDate day;
    for (const Entry &e : std::as_const(entries)) {
        if (e.at.date() != day) {
            day = e.at.date();
            c.out << (day == now.date() ? tr("Today") : l.toString(day, QLocale::LongFormat))
                  << Qt::endl;
        }
        c.out << "  " << l.toString(e.at.time(), QStringLiteral("HH:mm:ss")) << "  "
              << (e.event ? historyEventText(*e.event) : gapText(e.gap)) << Qt::endl;
    }
    if (entries.isEmpty())
        c.out << tr("Nothing recorded for this choice.") << Qt::endl;
    return exitcode::Ok;
}

void commands::keepInHistory(CliContext &c, const QList<HistoryEvent> &events)
{
    if (events.isEmpty())
        return;
    JournalDb db;
    // Never repairs: a damaged file is the app's to set aside, and it says so.
    if (!db.open(Journal::pathFor(c.settings->fileName()), JournalDb::Mode::WriteNoRepair) ||
        !db.insert(events))
        c.err << tr("(Not kept in the history: %1.)").arg(db.problemText()) << Qt::endl;
}
