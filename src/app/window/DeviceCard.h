#pragma once

#include "home/HomeTypes.h"

#include <QFrame>
#include <QHash>
#include <QPersistentModelIndex>

class QLabel;
class QPushButton;
class QToolButton;

// One device: what it is, its state in words and as an icon, door sensor, battery, and the
// actions its kind supports. It shows the model's data and emits intents; it never talks to
// a bridge.
class DeviceCard : public QFrame
{
    Q_OBJECT
public:
    explicit DeviceCard(const QPersistentModelIndex &index, QWidget *parent = nullptr);
    void refresh(); // re-read everything from the model
    void refreshAge();
    nuki::DeviceKey key() const { return m_key; }
    QString name() const;
    bool isFavourite() const { return m_favourite; }
    void setFavourite(bool on);
    // Name, bridge and state in words: what the filter field matches.
    QString searchText() const;

    static QString ageText(const QDateTime &when);
    // "3 min ago", "just now": for "last seen …" on a card and in a bridge's banner.
    static QString agoText(const QDateTime &when);

signals:
    void actionRequested(const nuki::DeviceKey &key, int action);
    void refreshRequested(const nuki::DeviceKey &key);
    void favouriteToggled(const nuki::DeviceKey &key, bool on);
    void historyRequested(const nuki::DeviceKey &key);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override
    {
        QFrame::focusInEvent(event);
        update(); // the focus ring
    }
    void focusOutEvent(QFocusEvent *event) override
    {
        QFrame::focusOutEvent(event);
        update();
    }

private:
    // `key` on the focused card triggers it; with `needsModifier` only as Ctrl+Shift+key.
    QPushButton *addButton(const QString &text, int action, const QString &key, bool needsModifier);
    void request(int action) { emit actionRequested(m_key, action); }

    QPersistentModelIndex m_index;
    nuki::DeviceKey m_key;
    int m_deviceType = 0;
    QLabel *m_icon;
    class ElidedLabel *m_name;
    QToolButton *m_star;
    bool m_favourite = false;
    QLabel *m_details;
    QLabel *m_state;
    QLabel *m_battery;
    QLabel *m_age;
    QLabel *m_outcome;
    QLabel *m_ring;
    QWidget *m_actions;
    QList<QPushButton *> m_buttons;
    QList<QPushButton *> m_brokerOnly;   // actions only a broker carries (full lock)
    QHash<QPushButton *, int> m_toggles; // a switch and its "on" action
};
