// Home Assistant discovery as the lock publishes it (nuki-mqtt-api.md §3): retained configs
// under the fixed prefix `homeassistant`, in HA's abbreviated JSON with `"~":"nuki/<ID>"`,
// and the quirk of real traffic kept on purpose: `dev.ids` is the *string* "[<ID>]".
#include "SimWifiLock.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nukisim {

void SimWifiLock::publishDiscovery()
{
    const WifiLockConfig &c = m_config;
    const QString id = c.idHex();
    const QJsonObject dev{{QStringLiteral("ids"), u'[' + id + u']'},
                          {QStringLiteral("mf"), QStringLiteral("Nuki")},
                          {QStringLiteral("mdl"), c.model},
                          {QStringLiteral("name"), c.name}};
    // One entity: the parts every config shares, plus its own.
    auto send = [&](const char *component, const char *key, const QString &name,
                    const QString &uniqueId, QJsonObject entity) {
        entity.insert(QStringLiteral("~"), QStringLiteral("nuki/") + id);
        entity.insert(QStringLiteral("avty_t"), QStringLiteral("~/connected"));
        entity.insert(QStringLiteral("pl_avail"), QStringLiteral("true"));
        entity.insert(QStringLiteral("pl_not_avail"), QStringLiteral("false"));
        entity.insert(QStringLiteral("dev"), dev);
        entity.insert(QStringLiteral("name"), name);
        entity.insert(QStringLiteral("uniq_id"), uniqueId);
        const QByteArray node = c.discoveryTopics == WifiLockConfig::DiscoveryTopics::PerEntity
                                    ? "nuki_" + id.toLatin1() + '_' + key
                                    : id.toLatin1() + '/' + key;
        const QByteArray t = QByteArrayLiteral("homeassistant/") + component + '/' + node +
                             QByteArrayLiteral("/config");
        publishTo(t, QJsonDocument(entity).toJson(QJsonDocument::Compact), 0, true);
    };
    auto binary = [&](const char *key, const QString &label, const QString &uniqueKey,
                      const char *stateTopic, const char *deviceClass) {
        send("binary_sensor", key, c.name + u' ' + label, id + u'_' + uniqueKey,
             {{QStringLiteral("dev_cla"), QString::fromLatin1(deviceClass)},
              {QStringLiteral("ent_cat"), QStringLiteral("diagnostic")},
              {QStringLiteral("stat_t"), QStringLiteral("~/") + QLatin1String(stateTopic)},
              {QStringLiteral("pl_on"), QStringLiteral("true")},
              {QStringLiteral("pl_off"), QStringLiteral("false")}});
    };
    auto button = [&](const char *key, const QString &label, const QString &uniqueKey,
                      const char *action) {
        send("button", key, c.name + u' ' + label, id + u'_' + uniqueKey,
             {{QStringLiteral("cmd_t"), QStringLiteral("~/lockAction")},
              {QStringLiteral("pl_prs"), QString::fromLatin1(action)}});
    };

    send(
        "lock", "lock", c.name, id + QStringLiteral("_lock"),
        {{QStringLiteral("cmd_t"), QStringLiteral("~/lockAction")},
         {QStringLiteral("pl_lock"), QStringLiteral("2")},
         {QStringLiteral("pl_unlk"), QStringLiteral("1")},
         {QStringLiteral("pl_open"), QStringLiteral("3")},
         {QStringLiteral("stat_t"), QStringLiteral("~/state")},
         {QStringLiteral("stat_locked"), QStringLiteral("1")},
         {QStringLiteral("stat_locking"), QStringLiteral("4")},
         {QStringLiteral("stat_unlocked"), QStringLiteral("3")},
         {QStringLiteral("stat_unlocking"), QStringLiteral("2")},
         {QStringLiteral("stat_jam"), QStringLiteral("254")},
         {QStringLiteral("val_tpl"),
          QStringLiteral("{% if value in (\"5\",\"6\",\"7\") %}3{% else %}{{value}}{% endif %}")}});
    binary("lock_battery_critical", QStringLiteral("Battery critical"),
           QStringLiteral("lock_battery_critical"), "batteryCritical", "battery");
    send("sensor", "battery_percent", c.name + QStringLiteral(" Battery"),
         id + QStringLiteral("_battery_percent"),
         {{QStringLiteral("dev_cla"), QStringLiteral("battery")},
          {QStringLiteral("ent_cat"), QStringLiteral("diagnostic")},
          {QStringLiteral("unit_of_meas"), QStringLiteral("%")},
          {QStringLiteral("stat_t"), QStringLiteral("~/batteryChargeState")}});
    binary("battery_charging", QStringLiteral("Battery charging"),
           QStringLiteral("battery_charging"), "batteryCharging", "battery_charging");
    button("unlatch_button", QStringLiteral("Unlatch"), QStringLiteral("unlatch_button"), "3");
    button("lockngo_button", QStringLiteral("Lock 'n' Go"), QStringLiteral("lock_n_go_button"),
           "4");
    button("lock_n_go_unlatch", QStringLiteral("Lock 'n' Go with unlatch"),
           QStringLiteral("lock_n_go_unlatch_button"), "5");
    // Accessory entities only with the accessory paired (§3).
    if (c.hasDoorSensor) {
        send("binary_sensor", "door_sensor", c.name + QStringLiteral(" Door"),
             id + QStringLiteral("_door_sensor"),
             {{QStringLiteral("dev_cla"), QStringLiteral("door")},
              {QStringLiteral("stat_t"), QStringLiteral("~/doorsensorState")},
              {QStringLiteral("pl_on"), QStringLiteral("3")},
              {QStringLiteral("pl_off"), QStringLiteral("2")}});
        binary("door_sensor_battery_critical", QStringLiteral("Door sensor battery critical"),
               QStringLiteral("door_sensor_battery_critical"), "doorsensorBatteryCritical",
               "battery");
    }
    if (c.hasKeypad)
        binary("keypad_battery_critical", QStringLiteral("Keypad battery critical"),
               QStringLiteral("keypad_battery_critical"), "keypadBatteryCritical", "battery");
}

} // namespace nukisim
