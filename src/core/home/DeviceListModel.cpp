#include "home/DeviceListModel.h"

#include "home/Home.h"
#include "home/Reach.h"
#include "protocol/PlainText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMetaEnum>

namespace nuki {

DeviceListModel::DeviceListModel(Home *home, QObject *parent)
    : QAbstractListModel(parent), m_home(home)
{
    for (const DeviceKey &key : home->devices()) {
        m_rows << key;
        m_cache << values(key);
    }
    connect(home, &Home::deviceAdded, this, &DeviceListModel::onAdded);
    connect(home, &Home::deviceRemoved, this, &DeviceListModel::onRemoved);
    connect(home, &Home::deviceChanged, this, &DeviceListModel::onChanged);
    connect(home, &Home::sourceChanged, this, [this](const QString &id) {
        for (const DeviceKey &key : std::as_const(m_rows)) {
            const DeviceRecord *r = m_home->device(key);
            if (r && r->sourceId == id)
                onChanged(key);
        }
    });
}

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QModelIndex DeviceListModel::indexOf(const DeviceKey &key) const
{
    const qsizetype row = m_rows.indexOf(key);
    return row < 0 ? QModelIndex() : index(int(row));
}

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &cache = m_cache.at(index.row());
    if (role == Qt::DisplayRole)
        return cache.value(NameRole);
    if (role == Qt::ToolTipRole) {
        const QString via = cache.value(ViaTextRole).toString();
        return via.isEmpty()
                   ? cache.value(StateTextRole)
                   : QVariant(cache.value(StateTextRole).toString() + QStringLiteral(" — ") + via);
    }
    return cache.value(role);
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    const QMetaEnum e = QMetaEnum::fromType<Role>();
    for (int i = 0; i < e.keyCount(); ++i) {
        QByteArray name = e.key(i);
        name.chop(4); // "Role"
        name[0] = char(QChar::toLower(name[0]));
        names.insert(e.value(i), name);
    }
    return names;
}

QString DeviceListModel::actionText(const ActionStatus &a, int deviceType)
{
    auto tr = [](const char *t) { return QCoreApplication::translate("nuki::DeviceListModel", t); };
    const QString name = actionName(deviceType, a.action);
    switch (a.phase) {
    case ActionStatus::Idle:
        return {};
    case ActionStatus::Pending:
        return tr("%1: sending…").arg(name);
    case ActionStatus::Sent:
        return tr("%1: in progress…").arg(name);
    case ActionStatus::Succeeded:
        return tr("%1: done").arg(name);
    case ActionStatus::Failed:
        return tr("%1 failed: %2").arg(name, a.error.message());
    case ActionStatus::Unknown:
        if (a.resolvedState >= 0)
            return (a.reachedGoal ? tr("%1 probably done: the device now reports %2.")
                                  : tr("%1 probably not done: the device now reports %2."))
                .arg(name, stateText(deviceType, a.resolvedState));
        return tr("%1: outcome unknown — check the door. %2").arg(name, a.error.message());
    }
    return {};
}

QHash<int, QVariant> DeviceListModel::values(const DeviceKey &key) const
{
    QHash<int, QVariant> v;
    const DeviceRecord *r = m_home->device(key);
    if (!r)
        return v;
    const Device &d = r->device;
    const DeviceState &s = d.state;
    const Source *source = m_home->source(r->sourceId);
    v[NameRole] = d.name.isEmpty()
                      ? QStringLiteral("%1").arg(d.nukiId, 8, 16, QLatin1Char('0')).toUpper()
                      : plainText(d.name);
    v[KeyRole] = QVariant::fromValue(key);
    v[SourceIdRole] = r->sourceId;
    v[SourceNameRole] = source ? source->name() : QString();
    v[NukiIdRole] = d.nukiId;
    v[DeviceTypeRole] = d.deviceType;
    v[KindRole] = deviceTypeName(d.deviceType);
    v[KnownTypeRole] = isKnownDeviceType(d.deviceType);
    v[StateRole] = s.state;
    v[StateTextRole] =
        !s.known ? QCoreApplication::translate("nuki::DeviceListModel", "No state known yet")
        // In continuous mode the Opener reports state 3 too; its Ring to Open toggle is off.
        : isOpener(d.deviceType) && s.mode == ModeContinuous &&
                s.state == int(OpenerState::RtoActive)
            ? QCoreApplication::translate("nuki::DeviceListModel",
                                          "Continuous mode: every ring opens the door")
            : stateText(d.deviceType, s.state);
    v[ModeRole] = s.mode;
    v[ContinuousModeRole] = isOpener(d.deviceType) && s.mode == ModeContinuous;
    v[DoorSensorRole] = s.doorsensorState.value_or(-1);
    v[DoorSensorTextRole] = s.doorsensorState ? doorSensorText(*s.doorsensorState) : QString();
    v[DoorSensorVisibleRole] =
        s.doorsensorState.has_value() && *s.doorsensorState != int(DoorSensor::Deactivated);
    v[BatteryRole] = s.batteryChargeState.value_or(-1);
    v[BatteryChargingRole] = s.batteryCharging.value_or(false);
    v[BatteryCriticalRole] = s.batteryCritical;
    v[KeypadBatteryCriticalRole] = s.keypadBatteryCritical.value_or(false);
    // A ring is news only while the state is fresh: not from a source that is gone or refuses us.
    v[RingRole] = s.ringactionState.value_or(false) && !r->stale;
    v[LastUpdateRole] = r->lastUpdate;
    v[ActionPhaseRole] = int(r->action.phase);
    v[ActionAlarmRole] = r->action.phase == ActionStatus::Failed ||
                         (r->action.phase == ActionStatus::Unknown && !r->action.reachedGoal);
    v[ActionRole] = r->action.action;
    v[ActionTextRole] = actionText(r->action, d.deviceType);
    v[StaleRole] = r->stale;
    v[RememberedRole] = r->remembered;
    v[ErrorTextRole] = r->refreshError.ok() ? QString() : r->refreshError.message();
    v[LastEventTextRole] =
        r->lastEvent
            ? lockEventText(d.deviceType, *r->lastEvent, m_nameOf) + QStringLiteral(" · ") +
                  QLocale().toString(r->lastEvent->at.toLocalTime().time(), QLocale::ShortFormat)
            : QString();
    v[SourceKindRole] = source ? int(source->kind()) : -1;
    const SourceKind kind = source ? source->kind() : SourceKind::Bridge;
    v[UnreachableTextRole] = unreachableText(*r, kind);
    v[HeldTextRole] = heldText(*r, kind);
    v[ViaTextRole] = kind == SourceKind::Web ? viaText(*r) : QString();
    v[ReachedThroughRole] =
        r->reachedThrough.size() > 1 ? m_home->actingSourceReason(key) : QString();
    return v;
}

void DeviceListModel::onAdded(const DeviceKey &key)
{
    // Home keeps devices grouped by source; mirror its order.
    const QList<DeviceKey> order = m_home->devices();
    const int row = int(order.indexOf(key));
    if (row < 0 || m_rows.contains(key))
        return;
    const int at = qMin(row, int(m_rows.size()));
    beginInsertRows({}, at, at);
    m_rows.insert(at, key);
    m_cache.insert(at, values(key));
    endInsertRows();
}

void DeviceListModel::onRemoved(const DeviceKey &key)
{
    const int row = int(m_rows.indexOf(key));
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_cache.removeAt(row);
    endRemoveRows();
}

void DeviceListModel::onChanged(const DeviceKey &key)
{
    const int row = int(m_rows.indexOf(key));
    if (row < 0)
        return;
    QHash<int, QVariant> fresh = values(key);
    QList<int> roles;
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it)
        if (m_cache[row].value(it.key()) != it.value())
            roles << it.key();
    if (roles.isEmpty())
        return;
    if (roles.contains(NameRole))
        roles << Qt::DisplayRole;
    if (roles.contains(StateTextRole) || roles.contains(ViaTextRole))
        roles << Qt::ToolTipRole;
    m_cache[row] = std::move(fresh);
    const QModelIndex i = index(row);
    emit dataChanged(i, i, roles);
}

} // namespace nuki
