#include "HistoryCharts.h"

#include "history/HistoryText.h"
#include "history/JournalDb.h"
#include "platform/Clock.h"

#include "ChartCanvas.h"

#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QVBoxLayout>

using namespace nuki;

namespace {

QLabel *makeSummary(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    l->setFocusPolicy(Qt::StrongFocus); // a screen reader's user can reach it with Tab
    return l;
}

// The charts' range: the filter's, else the last `days` days.
std::pair<QDateTime, QDateTime> rangeOf(const HistoryFilter &f, int days)
{
    const QDateTime until = f.until.isValid() ? f.until : clock::now();
    const QDateTime since = f.since.isValid() ? f.since : until.addDays(-days);
    return {since, until};
}

} // namespace

HistoryChart::HistoryChart(const QString &accessibleName, QWidget *parent)
    : QWidget(parent), m_canvas(new ChartCanvas(this)), m_summary(makeSummary(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_summary);
    m_canvas->setAccessibleName(accessibleName);
}

QString HistoryChart::summary() const
{
    return m_summary->text();
}

void HistoryChart::setSummary(const QString &text)
{
    m_summary->setText(text);
    m_canvas->setAccessibleDescription(text);
}

BatteryChart::BatteryChart(QWidget *parent) : HistoryChart(tr("Battery chart"), parent) {}

void BatteryChart::show(JournalDb &db, const HistoryFilter &filter)
{
    const auto [since, until] = rangeOf(filter, 12 * 7);
    HistoryFilter f;
    f.device = filter.device;
    f.kinds = {HistoryKind::Battery};
    f.since = since;
    f.until = until;
    // One line per device, at most eight (more is not a picture any more).
    QMap<QString, int> lineOf;
    QList<ChartCanvas::Line> lines;
    QHash<QString, std::pair<HistoryEvent, HistoryEvent>> firstLast;
    for (const HistoryEvent &e : db.queryAscending(f, 100000)) {
        if (e.state < 0)
            continue;
        const QString key = e.key.toString();
        auto it = lineOf.find(key);
        if (it == lineOf.end()) {
            if (lines.size() >= 8)
                continue;
            it = lineOf.insert(key, int(lines.size()));
            lines << ChartCanvas::Line{e.deviceName, {}};
        }
        lines[*it].points << QPointF(double(e.at.toMSecsSinceEpoch()), e.state);
        auto fl = firstLast.find(key);
        if (fl == firstLast.end())
            firstLast.insert(key, {e, e});
        else
            fl->second = e;
    }
    // The last level holds until now: each line reaches the right edge.
    for (ChartCanvas::Line &line : lines)
        line.points << QPointF(double(until.toMSecsSinceEpoch()), line.points.last().y());
    m_canvas->setLines(lines, since.toMSecsSinceEpoch(), until.toMSecsSinceEpoch(),
                       QStringLiteral(" %"));
    QStringList sentences;
    const QLocale l;
    for (const auto &[first, last] : std::as_const(firstLast)) {
        if (first.id == last.id)
            sentences << tr("%1: %2 % on %3.")
                             .arg(last.deviceName)
                             .arg(last.state)
                             .arg(l.toString(last.at.date(), QLocale::ShortFormat));
        else
            sentences << tr("%1: %2 % on %3, %4 % on %5.")
                             .arg(last.deviceName)
                             .arg(first.state)
                             .arg(l.toString(first.at.date(), QLocale::ShortFormat))
                             .arg(last.state)
                             .arg(l.toString(last.at.date(), QLocale::ShortFormat));
    }
    sentences.sort();
    setSummary(sentences.isEmpty() ? tr("No battery levels recorded in this time.")
                                   : tr("Battery levels: %1").arg(sentences.join(u' ')));
}

DoorChart::DoorChart(QWidget *parent) : HistoryChart(tr("Door chart"), parent) {}

void DoorChart::show(JournalDb &db, const HistoryFilter &filter)
{
    auto [since, until] = rangeOf(filter, 14);
    // At most a month of bars: more would be too thin to read.
    if (since.daysTo(until) > 31)
        since = until.addDays(-31);
    HistoryFilter f;
    f.device = filter.device;
    f.kinds = {HistoryKind::DoorClosed};
    f.since = since;
    f.until = until.addDays(1); // a door opened on the last day and closed after midnight
    QMap<QDate, double> minutes;
    int perHour[24] = {};
    int openings = 0;
    qint64 totalMs = 0, longestMs = 0;
    QDateTime longestAt;
    for (const HistoryEvent &e : db.queryAscending(f, 100000)) {
        if (e.durationMs < 0)
            continue;
        QDateTime from = e.at.addMSecs(-e.durationMs);
        const QDateTime to = e.at;
        if (to < since || from > until)
            continue;
        ++openings;
        ++perHour[from.time().hour()];
        totalMs += e.durationMs;
        if (e.durationMs > longestMs) {
            longestMs = e.durationMs;
            longestAt = from;
        }
        // Split at midnight: the time open belongs to each day it stood open.
        while (from < to) {
            const QDateTime midnight = from.date().addDays(1).startOfDay();
            const QDateTime end = qMin(midnight, to);
            minutes[from.date()] += from.msecsTo(end) / 60000.0;
            from = end;
        }
    }
    QList<double> perDay;
    QStringList days;
    const QLocale l;
    for (QDate d = since.date(); d <= until.date(); d = d.addDays(1)) {
        days << l.toString(d, QStringLiteral("d")); // the month is the title
        perDay << minutes.value(d);
    }
    const QString title = since.date().month() == until.date().month()
                              ? l.toString(until.date(), QStringLiteral("MMMM yyyy"))
                              : l.toString(since.date(), QStringLiteral("MMMM")) +
                                    QStringLiteral(" – ") +
                                    l.toString(until.date(), QStringLiteral("MMMM yyyy"));
    m_canvas->setBars(perDay, days, title, tr(" min"), tr("Minutes open"));
    if (openings == 0) {
        setSummary(tr("The door was not opened in this time, or no door sensor reported it."));
    } else {
        int busiest = 0;
        for (int h = 1; h < 24; ++h)
            if (perHour[h] > perHour[busiest])
                busiest = h;
        setSummary(tr("Opened %n time(s), open %1 in all; the longest %2 on %3. Most often opened "
                      "between %4:00 and %5:00.",
                      nullptr, openings)
                       .arg(durationText(totalMs), durationText(longestMs),
                            l.toString(longestAt, QStringLiteral("ddd d MMM, HH:mm")))
                       .arg(busiest, 2, 10, QLatin1Char('0'))
                       .arg((busiest + 1) % 24, 2, 10, QLatin1Char('0')));
    }
}
