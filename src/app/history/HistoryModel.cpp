#include "HistoryModel.h"

#include "history/HistoryText.h"
#include "platform/Clock.h"

#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

using namespace nuki;

namespace {
// A small coloured mark per kind, so that the eye finds the doors or the actions in a long
// list; the words say the same for those who do not see colours.
QPixmap kindMark(HistoryKind kind)
{
    static QHash<int, QPixmap> cache;
    if (auto it = cache.constFind(int(kind)); it != cache.constEnd())
        return *it;
    QColor c;
    switch (kind) {
    case HistoryKind::Action:
        c = QColor(0x2e, 0x7d, 0xd2); // ours: blue
        break;
    case HistoryKind::StateChanged:
    case HistoryKind::LockEvent:
        c = QColor(0x8e, 0x44, 0xad); // someone else: violet
        break;
    case HistoryKind::DoorOpened:
    case HistoryKind::DoorClosed:
        c = QColor(0x27, 0xae, 0x60); // the door: green
        break;
    case HistoryKind::Ring:
        c = QColor(0xf3, 0x9c, 0x12);
        break;
    case HistoryKind::Battery:
        c = QColor(0xc0, 0x39, 0x2b);
        break;
    case HistoryKind::Automation:
        c = QColor(0x16, 0xa0, 0x85); // automations: teal
        break;
    default:
        c = QColor(0x7f, 0x8c, 0x8d); // links: grey
    }
    QPixmap p(10, 10);
    p.fill(Qt::transparent);
    QPainter painter(&p);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(c);
    painter.drawEllipse(QRectF(1, 1, 8, 8));
    painter.end();
    cache.insert(int(kind), p);
    return p;
}
} // namespace

HistoryModel::HistoryModel(const QString &path, QObject *parent)
    : QAbstractListModel(parent), m_path(path)
{
    reload();
}

bool HistoryModel::ensureOpen()
{
    if (m_open && m_db.isOpen())
        return true;
    m_open = m_db.open(m_path, JournalDb::Mode::Read);
    m_problem = m_open ? QString() : m_db.problemText();
    return m_open;
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    m_filter = filter;
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_cursor.reset();
    m_atEnd = !ensureOpen();
    m_events = 0;
    m_gaps.clear();
    // Gaps mean something only when every kind is shown: a filtered list has gaps anyway.
    if (!m_atEnd && m_filter.kinds.isEmpty() && m_filter.text.isEmpty())
        m_gaps = m_db.gaps(m_filter.since, m_filter.until);
    endResetModel();
    if (canFetchMore({}))
        fetchMore({});
}

void HistoryModel::append(QList<Row> &into, const Row &row)
{
    // A gap belongs to the day it ended: it is read on the way back from there.
    const QDate day = row.type == Row::Gap ? row.gap.until.date() : row.event.at.date();
    const QDate last = !into.isEmpty()     ? into.last().day
                       : !m_rows.isEmpty() ? m_rows.last().day
                                           : QDate();
    if (day != last) {
        Row heading;
        heading.type = Row::Heading;
        heading.day = day;
        into << heading;
    }
    Row r = row;
    r.day = day;
    if (r.type == Row::Event) {
        r.text = historyEventText(r.event);
        r.time = QLocale().toString(r.event.at.time(), QStringLiteral("HH:mm"));
    }
    into << r;
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    const QList<HistoryEvent> page = m_db.query(m_filter, PageSize, m_cursor);
    if (page.size() < PageSize)
        m_atEnd = true;
    QList<Row> rows;
    for (const HistoryEvent &e : page) {
        // A time the app was not running, placed where it ended.
        while (!m_gaps.isEmpty() && m_gaps.first().until > e.at) {
            Row g;
            g.type = Row::Gap;
            g.gap = m_gaps.takeFirst();
            append(rows, g);
        }
        Row r;
        r.event = e;
        append(rows, r);
    }
    if (m_atEnd)
        for (const HistoryGap &gap : std::exchange(m_gaps, {})) {
            Row g;
            g.type = Row::Gap;
            g.gap = gap;
            append(rows, g);
        }
    if (!page.isEmpty())
        m_cursor = JournalDb::Cursor{page.last().at, page.last().id};
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    m_events += page.size();
    endInsertRows();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

Qt::ItemFlags HistoryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Headings are read, not chosen; events can be selected and copied.
    return m_rows.at(index.row()).type == Row::Heading ? Qt::ItemIsEnabled
                                                       : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const QLocale locale;
    switch (r.type) {
    case Row::Heading: {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == EventTextRole) {
            const QDate today = clock::today();
            if (r.day == today)
                return tr("Today");
            if (r.day == today.addDays(-1))
                return tr("Yesterday");
            return locale.toString(r.day, QLocale::LongFormat);
        }
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == IsHeadingRole)
            return true;
        if (role == KindRole)
            return -1;
        return {};
    }
    case Row::Gap: {
        const QString form = QStringLiteral("ddd d MMM, HH:mm");
        const QString text =
            tr("No record from %1 to %2 (the app was not running)")
                .arg(locale.toString(r.gap.from, form), locale.toString(r.gap.until, form));
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == EventTextRole ||
            role == Qt::ToolTipRole)
            return text;
        if (role == TimeTextRole)
            return locale.toString(r.gap.until.time(), QStringLiteral("HH:mm"));
        if (role == AtRole)
            return r.gap.until;
        if (role == Qt::FontRole) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        if (role == KindRole)
            return -1;
        if (role == IsHeadingRole)
            return false;
        return {};
    }
    case Row::Event:
        break;
    }
    const HistoryEvent &e = r.event;
    const QString &time = r.time;
    switch (role) {
    case Qt::DisplayRole:
        return time + QStringLiteral("   ") + r.text;
    case Qt::AccessibleTextRole:
        return time + QStringLiteral(", ") + r.text;
    case Qt::ToolTipRole:
        return locale.toString(e.at, QLocale::LongFormat) + u'\n' + r.text;
    case Qt::DecorationRole:
        return kindMark(e.kind);
    case EventTextRole:
        return r.text;
    case TimeTextRole:
        return time;
    case AtRole:
        return e.at;
    case KindRole:
        return int(e.kind);
    case IsHeadingRole:
        return false;
    default:
        return {};
    }
}
