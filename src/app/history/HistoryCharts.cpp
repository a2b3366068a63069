#include "HistoryCharts.h"

#include "history/HistoryText.h"
#include "history/JournalDb.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace nuki;

namespace {

QChartView *makeView(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return view;
}

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
    const QDateTime until = f.until.isValid() ? f.until : QDateTime::currentDateTime();
    const QDateTime since = f.since.isValid() ? f.since : until.addDays(-days);
    return {since, until};
}

} // namespace

void applyPalette(QChart *chart, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setTitleBrush(palette.brush(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.brush(QPalette::Text));
        axis->setGridLineColor(palette.color(QPalette::Mid));
    }
}

BatteryChart::BatteryChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(makeView(m_chart, this)),
      m_summary(makeSummary(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    m_view->setAccessibleName(tr("Battery chart"));
}

QString BatteryChart::summary() const
{
    return m_summary->text();
}

void BatteryChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette(m_chart, palette());
    QWidget::changeEvent(event);
}

void BatteryChart::show(JournalDb &db, const HistoryFilter &filter)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *a : m_chart->axes())
        m_chart->removeAxis(a);
    const auto [since, until] = rangeOf(filter, 12 * 7);
    HistoryFilter f;
    f.device = filter.device;
    f.kinds = {HistoryKind::Battery};
    f.since = since;
    f.until = until;
    // One line per device, at most eight (more is not a picture any more).
    QMap<QString, QLineSeries *> lines;
    QStringList sentences;
    QHash<QString, std::pair<HistoryEvent, HistoryEvent>> firstLast;
    for (const HistoryEvent &e : db.queryAscending(f, 100000)) {
        if (e.state < 0)
            continue;
        const QString key = e.key.toString();
        QLineSeries *line = lines.value(key);
        if (!line) {
            if (lines.size() >= 8)
                continue;
            line = new QLineSeries;
            line->setName(e.deviceName);
            lines.insert(key, line);
        }
        line->append(double(e.at.toMSecsSinceEpoch()), e.state);
        auto it = firstLast.find(key);
        if (it == firstLast.end())
            firstLast.insert(key, {e, e});
        else
            it->second = e;
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM"));
    x->setRange(since, until);
    x->setTickCount(5);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %%"));
    y->setTickCount(5);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *line : std::as_const(lines)) {
        // The last level holds until now: the line reaches the right edge.
        if (!line->points().isEmpty())
            line->append(double(until.toMSecsSinceEpoch()), line->points().last().y());
        m_chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
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
    m_summary->setText(sentences.isEmpty() ? tr("No battery levels recorded in this time.")
                                           : tr("Battery levels: %1").arg(sentences.join(u' ')));
    m_view->setAccessibleDescription(m_summary->text());
    applyPalette(m_chart, palette());
}

DoorChart::DoorChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(makeView(m_chart, this)),
      m_summary(makeSummary(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    m_view->setAccessibleName(tr("Door chart"));
}

QString DoorChart::summary() const
{
    return m_summary->text();
}

void DoorChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette(m_chart, palette());
    QWidget::changeEvent(event);
}

void DoorChart::show(JournalDb &db, const HistoryFilter &filter)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *a : m_chart->axes())
        m_chart->removeAxis(a);
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
            const QDateTime midnight(from.date().addDays(1), QTime(0, 0));
            const QDateTime end = qMin(midnight, to);
            minutes[from.date()] += from.msecsTo(end) / 60000.0;
            from = end;
        }
    }
    auto *set = new QBarSet(tr("Minutes open"));
    QStringList days;
    const QLocale l;
    for (QDate d = since.date(); d <= until.date(); d = d.addDays(1)) {
        days << l.toString(d, QStringLiteral("d")); // the month is the axis's title
        *set << minutes.value(d);
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    m_chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(days);
    x->setTitleText(since.date().month() == until.date().month()
                        ? l.toString(until.date(), QStringLiteral("MMMM yyyy"))
                        : l.toString(since.date(), QStringLiteral("MMMM")) + QStringLiteral(" – ") +
                              l.toString(until.date(), QStringLiteral("MMMM yyyy")));
    auto *y = new QValueAxis;
    double most = 1;
    for (double m : std::as_const(minutes))
        most = qMax(most, m);
    y->setRange(0, most * 1.1);
    y->setLabelFormat(QStringLiteral("%.0f min"));
    y->applyNiceNumbers();
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    if (openings == 0) {
        m_summary->setText(tr("The door was not opened in this time, or no door sensor "
                              "reported it."));
    } else {
        int busiest = 0;
        for (int h = 1; h < 24; ++h)
            if (perHour[h] > perHour[busiest])
                busiest = h;
        m_summary->setText(
            tr("Opened %n time(s), open %1 in all; the longest %2 on %3. Most often opened "
               "between %4:00 and %5:00.",
               nullptr, openings)
                .arg(durationText(totalMs), durationText(longestMs),
                     l.toString(longestAt, QStringLiteral("ddd d MMM, HH:mm")))
                .arg(busiest, 2, 10, QLatin1Char('0'))
                .arg((busiest + 1) % 24, 2, 10, QLatin1Char('0')));
    }
    m_view->setAccessibleDescription(m_summary->text());
    applyPalette(m_chart, palette());
}
