// nukictl history: what the app (and nukictl itself) recorded, read from the history file
// while the app may be writing it (WAL: neither waits for the other). Never opens a bridge or
// a broker.
#include "CliCommands.h"

#include "history/HistoryExport.h"
#include "history/HistoryText.h"
#include "history/Journal.h"
#include "history/JournalDb.h"
#include "platform/Clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <functional>

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
    return QCoreApplication::translate("nukictl",
                                       "no record from %1 to %2 (the app was not running)")
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
    const QDateTime now = clock::now();
    HistoryFilter filter;
    if (!in.since.isEmpty()) {
        filter.since = parseHistoryTime(in.since, false, now);
        if (!filter.since.isValid() && isSkippedLocalTime(in.since)) {
            c.err << tr("--since: “%1” never happened here: the clocks skip that hour when summer "
                        "time begins. Give a time an hour later or earlier.")
                         .arg(in.since)
                  << Qt::endl;
            return exitcode::Usage;
        }
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
        if (!filter.until.isValid() && isSkippedLocalTime(in.until)) {
            c.err << tr("--until: “%1” never happened here: the clocks skip that hour when summer "
                        "time begins. Give a time an hour later or earlier.")
                         .arg(in.until)
                  << Qt::endl;
            return exitcode::Usage;
        }
        if (!filter.until.isValid()) {
            c.err << tr("--until: “%1” is not a time.").arg(in.until) << Qt::endl;
            return exitcode::Usage;
        }
    }
    for (const QString &k : in.kinds) {
        const auto kind = historyKindFromName(k);
        if (!kind) {
            c.err << tr("--kind: “%1” is none of action, change, door, ring, battery, link, "
                        "automation.")
                         .arg(k)
                  << Qt::endl;
            return exitcode::Usage;
        }
        filter.kinds << *kind;
        if (*kind == HistoryKind::DoorOpened)
            filter.kinds << HistoryKind::DoorClosed;
        if (*kind == HistoryKind::SourceOffline)
            filter.kinds << HistoryKind::SourceOnline << HistoryKind::HistoryPaused;
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
    const bool withGaps = filter.kinds.isEmpty() && filter.text.isEmpty();
    // Text shows the newest --count (200) oldest first, like any log. CSV and JSON without
    // --count are everything, read page by page and written as they come: a year of a busy
    // household needs no more memory than a page.
    std::function<void(const Entry &)> emitEntry;
    std::function<void()> finish;
    QFile raw;
    bool firstJson = true;
    const QLocale l;
    QDate day;
    if (c.json || csv) {
        c.out.flush();
        if (!raw.open(stdout, QIODevice::WriteOnly))
            return exitcode::Error;
    }
    if (c.json) {
        raw.write("[");
        emitEntry = [&](const Entry &e) {
            const QJsonObject o =
                e.event ? historyJson(*e.event)
                        : QJsonObject{{QStringLiteral("time"), withOffset(e.gap.from)},
                                      {QStringLiteral("kind"), QStringLiteral("no-record")},
                                      {QStringLiteral("ended"), withOffset(e.gap.until)},
                                      {QStringLiteral("text"), gapText(e.gap)}};
            if (!std::exchange(firstJson, false))
                raw.write(",");
            raw.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        };
        finish = [&] {
            raw.write("]\n");
            raw.flush();
            c.notePrinted();
        };
    } else if (csv) {
        raw.write(historyCsvHeader());
        emitEntry = [&](const Entry &e) {
            if (e.event) {
                raw.write(historyCsvRow(*e.event));
                return;
            }
            // The same 15 columns: time, kind, …, ended (10th), …, text (15th).
            QStringList row(15);
            row[0] = withOffset(e.gap.from);
            row[1] = QStringLiteral("no-record");
            row[9] = withOffset(e.gap.until);
            row[14] = u'"' + gapText(e.gap) + u'"';
            raw.write(row.join(u',').toUtf8() + "\r\n");
        };
        finish = [&] { raw.flush(); };
    } else {
        emitEntry = [&](const Entry &e) {
            if (e.at.date() != day) {
                day = e.at.date();
                c.out << (day == now.date() ? tr("Today") : l.toString(day, QLocale::LongFormat))
                      << Qt::endl;
            }
            c.out << "  " << l.toString(e.at.time(), QStringLiteral("HH:mm:ss")) << "  "
                  << (e.event ? historyEventText(*e.event) : gapText(e.gap)) << Qt::endl;
        };
        finish = [] {};
    }

    QList<HistoryGap> gaps; // oldest first, placed before the first event after them
    int shown = 0;
    auto emitEvent = [&](const HistoryEvent &e) {
        while (!gaps.isEmpty() && gaps.first().from <= e.at) {
            emitEntry(Entry{gaps.first().from, std::nullopt, gaps.first()});
            gaps.removeFirst();
            ++shown;
        }
        emitEntry(Entry{e.at, e, {}});
        ++shown;
    };
    if (in.count > 0 || !(csv || c.json)) {
        QList<HistoryEvent> events = db.query(filter, in.count > 0 ? in.count : 200);
        std::reverse(events.begin(), events.end());
        if (withGaps && !events.isEmpty())
            gaps = db.gaps(events.first().at, filter.until.isValid() ? filter.until : now);
        std::reverse(gaps.begin(), gaps.end()); // gaps() is newest first
        for (const HistoryEvent &e : std::as_const(events))
            emitEvent(e);
    } else {
        if (withGaps)
            gaps = db.gaps(filter.since, filter.until.isValid() ? filter.until : now);
        std::reverse(gaps.begin(), gaps.end());
        bool any = false;
        std::optional<JournalDb::Cursor> after;
        for (;;) {
            const QList<HistoryEvent> page = db.queryAscending(filter, 5000, after);
            if (page.isEmpty())
                break;
            if (!any) // nothing before the first event: the history did not exist yet
                while (!gaps.isEmpty() && gaps.first().until <= page.first().at)
                    gaps.removeFirst();
            any = true;
            for (const HistoryEvent &e : page)
                emitEvent(e);
            after = JournalDb::Cursor{page.last().at, page.last().id};
        }
    }
    // A gap after the last event (the app was not running since) still is one.
    for (const HistoryGap &g : std::as_const(gaps))
        if (shown > 0) {
            emitEntry(Entry{g.from, std::nullopt, g});
            ++shown;
        }
    finish();
    if (shown == 0 && !(csv || c.json))
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
