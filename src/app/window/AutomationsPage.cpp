#include "window/AutomationsPage.h"

#include "AppAutomations.h"
#include "AppController.h"
#include "home/Home.h"
#include "protocol/PlainText.h"
#include "protocol/Protocol.h"
#include "widgets/FlowLayout.h"
#include "widgets/SentenceLabel.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace nuki;
using namespace nuki::automation;

namespace {
bool isSmartLock(int type)
{
    return type == int(DeviceType::SmartLock) || type == int(DeviceType::SmartDoor) ||
           type == int(DeviceType::SmartLock3);
}
// Reminders are set in minutes; the screen lock's delay in seconds.
bool inMinutes(Trigger t)
{
    return t == Trigger::UnlockedReminder || t == Trigger::OpenReminder;
}
} // namespace

AutomationsPage::AutomationsPage(AppController *app, QWidget *parent) : QWidget(parent), m_app(app)
{
    AppAutomations *automations = app->automations();
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Automations only ever lock: never unlock, open or Lock ’n’ Go, never an Opener, "
           "never a door that stands open or is already locked. Each is off until you switch "
           "it on here."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_mechanism = new QLabel(this);
    m_mechanism->setObjectName(QStringLiteral("mechanism"));
    m_mechanism->setWordWrap(true);
    m_mechanism->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_mechanism->setText(tr("Screen lock detection: %1").arg(automations->mechanismText()) + u'\n' +
                         tr("Leaving home: %1").arg(automations->leavingText()));
    layout->addWidget(m_mechanism);
    m_pause = new QCheckBox(tr("Pause automations"), this);
    m_pause->setObjectName(QStringLiteral("pauseAutomations"));
    m_pause->setChecked(automations->paused());
    m_initiallyPaused = automations->paused();
    layout->addWidget(m_pause);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // it wraps instead
    auto *inner = new QWidget(scroll);
    auto *devices = new QVBoxLayout(inner);
    devices->setContentsMargins(0, 0, 0, 0);
    const QList<Rule> current = automations->rules();
    int locks = 0;
    for (const DeviceKey &key : app->home()->devices()) {
        const DeviceRecord *r = app->home()->device(key);
        if (!r || !isSmartLock(key.deviceType))
            continue; // an Opener is never automated
        ++locks;
        auto *box = new QGroupBox(plainText(r->device.name), inner);
        auto *rows = new QVBoxLayout(box);
        bool viaBroker = false;
        for (const QString &id : r->reachedThrough)
            if (const Source *s = app->home()->source(id); s && s->kind() == SourceKind::Broker)
                viaBroker = true;
        for (Trigger t : allTriggers()) {
            Row row;
            row.device = key;
            row.name = r->device.name;
            row.trigger = t;
            const auto existing = std::find_if(current.begin(), current.end(), [&](const Rule &x) {
                return x.trigger == t && x.device == key;
            });
            // The delay beside the trigger where it fits, under it where it does not.
            auto *line = new FlowLayout(nullptr, 12, 2);
            row.on = new QCheckBox(triggerText(t), box);
            row.on->setObjectName(triggerName(t) + u'/' + key.toString());
            row.on->setChecked(existing != current.end());
            row.on->setToolTip(triggerRisk(t));
            line->addWidget(row.on);
            if (triggerHasDelay(t)) {
                row.after = new QSpinBox(box);
                const int seconds =
                    existing != current.end() ? existing->afterSeconds : defaultAfterSeconds(t);
                if (inMinutes(t)) {
                    row.after->setRange(1, MaxAfterSeconds / 60);
                    row.after->setPrefix(tr("after "));
                    row.after->setSuffix(tr(" min"));
                    row.after->setValue(std::max(1, seconds / 60));
                } else {
                    row.after->setRange(0, MaxAfterSeconds);
                    row.after->setPrefix(tr("after "));
                    row.after->setSuffix(tr(" s"));
                    row.after->setValue(seconds);
                }
                row.after->setAccessibleName(tr("%1: delay").arg(triggerText(t)));
                line->addWidget(row.after);
            }
            if (triggerLocks(t) && viaBroker && key.deviceType == int(DeviceType::SmartLock3)) {
                row.fullLock = new QCheckBox(tr("full lock"), box);
                row.fullLock->setChecked(existing != current.end() && existing->fullLock);
                row.fullLock->setToolTip(tr("The lock's own full lock (a second turn), through "
                                            "its broker."));
                line->addWidget(row.fullLock);
            }
            rows->addLayout(line);
            row.initiallyOn = row.on->isChecked();
            row.initialAfter = row.after ? row.after->value() : 0;
            row.initialFull = row.fullLock && row.fullLock->isChecked();
            // While it is on, its risk stays in sight under it (and in the tooltip).
            auto *risk = new QLabel(triggerRisk(t), box);
            risk->setObjectName(QStringLiteral("risk/") + row.on->objectName());
            risk->setWordWrap(true);
            risk->setContentsMargins(24, 0, 0, 4);
            risk->setVisible(row.on->isChecked());
            connect(row.on, &QCheckBox::toggled, risk, &QLabel::setVisible);
            rows->addWidget(risk);
            // A locking trigger switched on: the risk once more, in a question.
            if (triggerLocks(t)) {
                QCheckBox *on = row.on;
                connect(on, &QCheckBox::clicked, this, [this, on, t](bool checked) {
                    if (!checked || !m_app->confirm)
                        return;
                    if (!m_app->confirm(triggerRisk(t) + u'\n' + u'\n' +
                                            tr("Switch this automation on?"),
                                        this, tr("Switch on")))
                        on->setChecked(false);
                });
            }
            m_rows << row;
        }
        // The delays in one column where they fit beside the triggers.
        int widest = 0;
        for (const Row &row : std::as_const(m_rows))
            if (row.device == key)
                widest = std::max(widest, row.on->sizeHint().width());
        for (const Row &row : std::as_const(m_rows))
            if (row.device == key)
                row.on->setMinimumWidth(widest);
        devices->addWidget(box);
    }
    if (locks == 0) {
        auto *none = new QLabel(tr("No Smart Lock yet: automations appear here once one is "
                                   "added."),
                                inner);
        none->setWordWrap(true);
        devices->addWidget(none);
    }
    devices->addStretch();
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);
    if (app->isDemo()) {
        auto *demo = new QLabel(tr("In demo mode automations are not saved."), this);
        demo->setWordWrap(true);
        layout->addWidget(demo);
    }
}

QList<Rule> AutomationsPage::rules() const
{
    QList<Rule> rules;
    for (const Row &row : m_rows) {
        if (!row.on->isChecked())
            continue;
        Rule r;
        r.trigger = row.trigger;
        r.device = row.device;
        r.deviceName = row.name;
        if (row.after)
            r.afterSeconds = inMinutes(row.trigger) ? row.after->value() * 60 : row.after->value();
        r.fullLock = row.fullLock && row.fullLock->isChecked();
        rules << r;
    }
    return rules;
}

bool AutomationsPage::paused() const
{
    return m_pause->isChecked();
}

void AutomationsPage::apply()
{
    QList<Rule> live = m_app->automations()->rules();
    bool changed = false;
    for (const Row &row : std::as_const(m_rows)) {
        const bool afterChanged = row.after && row.after->value() != row.initialAfter;
        const bool fullChanged = row.fullLock && row.fullLock->isChecked() != row.initialFull;
        if (row.on->isChecked() == row.initiallyOn && !afterChanged && !fullChanged)
            continue; // untouched here: as it is now (nukictl may have changed it)
        const auto same = [&](const Rule &r) {
            return r.trigger == row.trigger && r.device == row.device;
        };
        const auto existing = std::find_if(live.cbegin(), live.cend(), same);
        const bool had = existing != live.cend();
        Rule r = had ? *existing : Rule{};
        live.erase(std::remove_if(live.begin(), live.end(), same), live.end());
        changed = true;
        if (!row.on->isChecked())
            continue;
        r.trigger = row.trigger;
        r.device = row.device;
        r.deviceName = row.name;
        if (row.after && (afterChanged || !had))
            r.afterSeconds = inMinutes(row.trigger) ? row.after->value() * 60 : row.after->value();
        if (row.fullLock)
            r.fullLock = row.fullLock->isChecked();
        live << r;
    }
    if (changed)
        m_app->automations()->setRules(live);
    if (m_pause->isChecked() != m_initiallyPaused)
        m_app->automations()->setPaused(m_pause->isChecked());
}
