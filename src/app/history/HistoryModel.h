#pragma once

#include "history/HistoryTypes.h"
#include "history/JournalDb.h"

#include <QAbstractListModel>

// The timeline: the history newest first, a heading for each day, and a line for each time
// the app was not running. Pages of rows are read from the file as the view scrolls
// (canFetchMore/fetchMore), so 100 000 events open as fast as 100. Its own read-only
// connection: the app's writer never waits for it.
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 100;
    enum Role
    {
        IsHeadingRole = Qt::UserRole + 1,
        KindRole,      // int(HistoryKind), -1 for headings and gaps
        TimeTextRole,  // "07:42"
        EventTextRole, // the words without the time
        AtRole         // when (QDateTime); for a gap, when it ended
    };

    explicit HistoryModel(const QString &path, QObject *parent = nullptr);
    void setFilter(const nuki::HistoryFilter &filter);
    nuki::HistoryFilter filter() const { return m_filter; }
    // Reads the file again from the top (new events were written).
    void reload();
    bool isOpen() const { return m_open; }
    QString problem() const { return m_problem; }
    nuki::JournalDb &db() { return m_db; }
    qint64 eventsShown() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    struct Row
    {
        enum Type
        {
            Heading,
            Event,
            Gap
        } type = Event;
        QDate day;
        QString text, time; // made once, when fetched: painting asks again and again
        nuki::HistoryEvent event;
        nuki::HistoryGap gap;
    };
    bool ensureOpen();
    void append(QList<Row> &into, const Row &row);

    QString m_path;
    nuki::JournalDb m_db;
    bool m_open = false;
    QString m_problem;
    nuki::HistoryFilter m_filter;
    QList<Row> m_rows;
    QList<nuki::HistoryGap> m_gaps; // not yet placed, newest first
    std::optional<nuki::JournalDb::Cursor> m_cursor;
    bool m_atEnd = false;
    qint64 m_events = 0;
};
