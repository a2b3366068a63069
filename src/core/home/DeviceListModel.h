#pragma once

#include "home/HomeTypes.h"

#include <QAbstractListModel>
#include <QHash>
#include <functional>

namespace nuki {

class Home;

// A list of every device of every source, for views, the tray and tests. Follows Home
// incrementally: rows are inserted and removed one by one, and a change emits dataChanged with
// exactly the roles whose values changed. Never a reset for a state change.
class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        KeyRole,
        SourceIdRole,
        SourceNameRole,
        NukiIdRole,
        DeviceTypeRole,
        KindRole,
        KnownTypeRole,
        StateRole,
        StateTextRole,
        ModeRole,
        ContinuousModeRole,
        DoorSensorRole, // -1 when the device has none
        DoorSensorTextRole,
        DoorSensorVisibleRole, // false when absent or deactivated
        BatteryRole,           // -1 when unknown
        BatteryChargingRole,
        BatteryCriticalRole,
        KeypadBatteryCriticalRole,
        RingRole,
        LastUpdateRole,
        ActionPhaseRole, // ActionStatus::Phase
        ActionRole,      // the running or last action number
        ActionTextRole,  // "Locking…", "Done", "Failed: …", "Unknown — check the door"
        StaleRole,
        ErrorTextRole,
        ActionAlarmRole,   // the outcome needs a look: failed, or unknown and not settled by a read
        RememberedRole,    // shown from the last run's memory, not yet confirmed by its source
        LastEventTextRole, // "Unlocked with keypad code “Anna” · 07:42", where the lock says
        ReachedThroughRole, // why its source acts, when several reach it
        // The acting source's kind (SourceKind as int): what its transport can do (a broker
        // carries a Wi-Fi lock's own commands, full lock).
        SourceKindRole,
        // Cannot be reached now: "Not connected to the broker since 18:01 — last seen
        // Unlocked" (empty when it can be), and why its actions are held.
        UnreachableTextRole,
        HeldTextRole,
        // Where the state comes from when that is not the home itself: "via Nuki Web · as of
        // 14:03:12" (empty for a bridge or a broker).
        ViaTextRole,
    };
    Q_ENUM(Role)

    explicit DeviceListModel(Home *home, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QModelIndex indexOf(const DeviceKey &key) const;
    DeviceKey keyAt(int row) const { return m_rows.value(row); }

    static QString actionText(const ActionStatus &status, int deviceType);
    // The person's names for auth and code ids ("8193 = Anna"), for the event texts.
    void setNameOf(std::function<QString(quint32 id)> nameOf) { m_nameOf = std::move(nameOf); }

private:
    QHash<int, QVariant> values(const DeviceKey &key) const;
    void onAdded(const DeviceKey &key);
    void onRemoved(const DeviceKey &key);
    void onChanged(const DeviceKey &key);

    Home *m_home;
    QList<DeviceKey> m_rows;
    QList<QHash<int, QVariant>> m_cache; // per row: what views saw last
    std::function<QString(quint32)> m_nameOf;
};

} // namespace nuki
