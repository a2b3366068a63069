// Nuki Web's actions: one POST per intent, then reads until the state shows it (WebSource.h).
#include "web/WebSource.h"

#include "home/ActionRunner.h"
#include "protocol/Actions.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nuki {

namespace {
// The app's action (the bridge's numbers, protocol/Actions.h) as Nuki Web's `action` and
// `option` (§2.5): the same for locks; the Opener's continuous mode is 6/7 there, 4/5 here;
// full lock is lock with option 4.
std::optional<std::pair<int, int>> cloudAction(int deviceType, int action)
{
    if (isOpener(deviceType)) {
        switch (action) {
        case int(LockAction::RtoOn):
        case int(LockAction::RtoOff):
        case int(LockAction::ElectricStrike):
            return std::make_pair(action, 0);
        case int(LockAction::ContinuousOn):
            return std::make_pair(6, 0);
        case int(LockAction::ContinuousOff):
            return std::make_pair(7, 0);
        }
        return std::nullopt;
    }
    if (!isKnownDeviceType(deviceType))
        return std::nullopt; // an unknown kind: its numbers are not known either
    if (action >= 1 && action <= 5)
        return std::make_pair(action, 0);
    if (action == 6 && deviceType == int(DeviceType::SmartLock3))
        return std::make_pair(int(LockAction::Lock), 4); // full lock
    return std::nullopt;
}
} // namespace

// --- acting ---

void WebSource::perform(const ActionRequest &request, const ActionProgress &progress)
{
    const web::Lock *l = lock(request.nukiId, request.deviceType);
    if (!l) {
        progress.finished(SourceError::said(SourceError::UnknownDevice,
                                            tr("Nuki Web does not list this device: nothing "
                                               "was sent.")));
        return;
    }
    if (l->serverState > 0) {
        progress.finished(SourceError::said(
            SourceError::LockNotConnected,
            tr("Nuki Web cannot reach the lock (it is offline there): nothing was sent.")));
        return;
    }
    const auto cloud = cloudAction(request.deviceType, request.action);
    if (!cloud) {
        progress.finished(SourceError::said(SourceError::BadRequest,
                                            tr("This action is not possible through Nuki Web: "
                                               "nothing was sent.")));
        return;
    }
    QJsonObject body{{QStringLiteral("action"), cloud->first}};
    if (cloud->second)
        body.insert(QStringLiteral("option"), cloud->second);
    const qint64 id = l->smartlockId;
    const quint64 serial = ++m_nextSerial;
    const int action = request.action;
    const bool noWait = request.noWait;
    enqueue({"POST", QStringLiteral("/smartlock/%1/action").arg(id),
             QJsonDocument(body).toJson(QJsonDocument::Compact),
             [this, id, serial, action, noWait, progress](const web::Result &r) {
                 SourceError error = errorOf(r, true);
                 if (error.kind == SourceError::Unauthorized && m_listOk)
                     error.words = tr("Nuki Web refuses the action (401): the API token may "
                                      "lack the scope smartlock.action. Nothing was done.");
                 if (!error.ok()) {
                     if (error.kind != SourceError::Unauthorized && !error.mayHaveReachedLock &&
                         error.kind != SourceError::LockBusy &&
                         error.kind != SourceError::UnknownDevice &&
                         error.kind != SourceError::BadRequest)
                         noteFailure(r, error);
                     progress.finished(error); // never sent again, whatever it was
                     return;
                 }
                 noteSuccess();
                 // 204: Nuki Web took it. Done only when its state shows it.
                 if (progress.taken)
                     progress.taken();
                 if (noWait) {
                     progress.finished({});
                     return;
                 }
                 Confirming c;
                 c.serial = serial;
                 c.smartlockId = id;
                 c.action = action;
                 c.progress = progress;
                 c.sincePost.start();
                 for (const web::Lock &l : std::as_const(m_locks))
                     if (l.smartlockId == id) {
                         c.stateBefore = l.state.state;
                         c.updateBefore = l.updateDate;
                     }

                 c.timer = new QTimer(this);
                 c.timer->setSingleShot(true);
                 connect(c.timer, &QTimer::timeout, this, [this, serial] { confirmStep(serial); });
                 c.timer->start(scaled(2000));
                 m_confirming.insert(serial, c);
             }},
            true);
}

void WebSource::followAction(quint32 nukiId, int deviceType)
{
    if (const web::Lock *l = lock(nukiId, deviceType)) {
        const Device d = deviceOf(*l);
        if (d.state.known)
            emit stateReported(d.nukiId, d.deviceType, d.state, Delivery::Read);
    }
}

void WebSource::confirmStep(quint64 serial)
{
    auto it = m_confirming.find(serial);
    if (it == m_confirming.end())
        return;
    const qint64 id = it->smartlockId;
    const int step = ++it->step;
    enqueue({"GET",
             QStringLiteral("/smartlock/%1").arg(id),
             {},
             [this, serial, id, step](const web::Result &r) {
                 auto it = m_confirming.find(serial);
                 if (it == m_confirming.end())
                     return;
                 web::Parsed info;
                 const auto fresh =
                     errorOf(r, false).ok() ? web::parseLock(r.body, &info) : std::nullopt;
                 if (fresh && fresh->smartlockId == id) {
                     for (web::Lock &l : m_locks)
                         if (l.smartlockId == id)
                             l = *fresh;
                     const Device d = deviceOf(*fresh);
                     emit stateReported(d.nukiId, d.deviceType, d.state, Delivery::Read);
                     it->moved =
                         it->moved || fresh->state.state != it->stateBefore ||
                         (fresh->updateDate.isValid() && fresh->updateDate > it->updateBefore);
                     if (d.state.known && it->moved &&
                         ActionRunner::reachedGoal(d.deviceType, it->action, d.state)) {
                         finishConfirm(serial, {});
                         return;
                     }
                 }
                 // Reads at about 2, 5, 10 and 20 s; then one last at 30 s, then unknown.
                 static constexpr int AtMs[] = {2000, 5000, 10000, 20000, ConfirmMs};
                 const qint64 elapsed = it->sincePost.elapsed();
                 if (step >= int(std::size(AtMs)) || elapsed >= scaled(ConfirmMs)) {
                     finishConfirm(serial,
                                   SourceError::said(SourceError::NoAnswer,
                                                     tr("Not confirmed after 30 s — the lock may "
                                                        "be asleep or offline."),
                                                     true));
                     return;
                 }
                 // From the POST, not from this read: a slow read does not stretch the 30 s.
                 it->timer->start(int(qMax<qint64>(0, scaled(AtMs[step]) - elapsed)));
             }},
            true);
}

void WebSource::finishConfirm(quint64 serial, const SourceError &error)
{
    Confirming c = m_confirming.take(serial);
    delete c.timer;
    c.progress.finished(error);
}

} // namespace nuki
