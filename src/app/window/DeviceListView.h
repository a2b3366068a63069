#pragma once

#include "home/HomeTypes.h"

#include <QHash>
#include <QScrollArea>
#include <QTimer>

class AppController;
class SourceHeader;
class DeviceCard;
class QLabel;
class QVBoxLayout;

// Device cards grouped under their bridge's header. Follows the model row by row: a card is
// created, updated or removed as rows are; nothing is rebuilt for a state change.
class DeviceListView : public QScrollArea
{
    Q_OBJECT
public:
    explicit DeviceListView(AppController *app, QWidget *parent = nullptr);
    DeviceCard *card(const nuki::DeviceKey &key) const;
    QList<DeviceCard *> cards() const;
    SourceHeader *header(const QString &sourceId) const { return m_headers.value(sourceId); }
    // Shows only the cards whose name, bridge, state or details contain `text` (any case).
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    int visibleCount() const;

signals:
    void detailsRequested(const QString &bridgeId);
    void newTokenRequested(const QString &bridgeId);
    void countChanged(int devices);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void rebuildOrder();
    void placeWidgets();
    void addRows(int first, int last);
    void removeRows(int first, int last);
    void ensureHeader(const QString &sourceId);
    void applyFilter();

    AppController *m_app;
    QWidget *m_content;
    QVBoxLayout *m_layout;
    QWidget *m_empty;
    QLabel *m_favouritesTitle;
    QLabel *m_noMatch;
    QString m_filter;
    QHash<nuki::DeviceKey, DeviceCard *> m_cards;
    QHash<QString, SourceHeader *> m_headers;
    QHash<nuki::DeviceKey, QString> m_groupOf; // the header each card is placed under
    QTimer m_ageTimer;                         // "updated N s ago": only ticks while visible
    bool m_rebuildPending = false;
};
