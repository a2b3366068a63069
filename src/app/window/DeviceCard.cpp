#include "window/DeviceCard.h"

#include "protocol/Actions.h"

#include "home/DeviceListModel.h"
#include "home/Source.h"
#include "widgets/ActionControls.h"
#include "widgets/ElidedLabel.h"
#include "widgets/FlowLayout.h"
#include "widgets/SentenceLabel.h"
#include "widgets/StateIcons.h"
#include "widgets/Theme.h"

#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <cstdio>

using namespace nuki;
using R = DeviceListModel;

DeviceCard::DeviceCard(const QPersistentModelIndex &index, QWidget *parent)
    : QFrame(parent), m_index(index)
{
    m_key = index.data(R::KeyRole).value<DeviceKey>();
    m_deviceType = index.data(R::DeviceTypeRole).toInt();
    setObjectName(QStringLiteral("deviceCard"));
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    // Minimum, not Maximum: a narrow card grows taller as its rows wrap.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);

    m_icon = new QLabel(this);
    m_icon->setFixedSize(44, 44);
    m_name = new ElidedLabel(this);
    m_name->setObjectName(QStringLiteral("nameLabel"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);
    m_star = new QToolButton(this);
    m_star->setObjectName(QStringLiteral("favouriteButton"));
    m_star->setCheckable(true);
    m_star->setAutoRaise(true);
    connect(m_star, &QToolButton::clicked, this,
            [this](bool on) { emit favouriteToggled(m_key, on); });
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    Theme::apply(m_details, Theme::Role::Secondary);
    // A sentence when the device cannot be reached: one line where it fits, wrapped on a
    // narrow card rather than widening it.
    m_state = new SentenceLabel(this);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_battery = new QLabel(this);
    m_battery->setObjectName(QStringLiteral("batteryLabel"));
    m_age = new QLabel(this);
    m_age->setObjectName(QStringLiteral("ageLabel"));
    Theme::apply(m_age, Theme::Role::Secondary);
    m_outcome = new QLabel(this);
    m_outcome->setWordWrap(true);
    m_outcome->setObjectName(QStringLiteral("outcomeLabel"));
    m_ring = new QLabel(tr("Ringing"), this);
    m_ring->setContentsMargins(6, 1, 6, 1);
    Theme::apply(m_ring, Theme::Role::Badge);
    m_ring->setObjectName(QStringLiteral("ringLabel"));

    m_actions = new QWidget(this);
    // Buttons wrap to a second row on a narrow window rather than pushing it wider.
    auto *buttons = new FlowLayout(m_actions, 6, 4);
    buttons->setContentsMargins(0, 4, 0, 0);
    // Keys on a focused card: only what secures the door (locking) is a single key; whatever
    // can unlock or open it needs Ctrl+Shift, so a stray key press never opens it.
    for (const ActionControl &control : actionControlsFor(m_deviceType)) {
        const ActionSpec &a = *control.spec;
        const bool direct = !control.isSwitch() && !control.hasMenu();
        const QString key = a.key ? QString(QChar(a.key)) : QString();
        QPushButton *b = addButton(a.displayLabel(), direct ? a.number : 0, key, !a.secures);
        if (control.onlyThroughBroker())
            m_brokerOnly << b; // shown while a broker acts for the device (refresh)
        if (control.isSwitch()) {
            b->setCheckable(true);
            const int on = a.number, off = control.toggleOff;
            connect(b, &QPushButton::clicked, this, [this, b, on, off](bool checked) {
                b->setChecked(!checked); // the state comes from the device, not from the click
                request(checked ? on : off);
            });
            m_toggles.insert(b, on);
        }
        if (control.hasMenu()) {
            auto *menu = new QMenu(b);
            for (const ActionSpec *v : std::as_const(control.variants)) {
                const int n = v->number;
                menu->addAction(v->displayMenuText(), this, [this, n] { request(n); });
            }
            b->setMenu(menu);
        }
    }
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    auto *top = new QHBoxLayout;
    top->addWidget(m_name, 1);
    top->addWidget(m_ring);
    top->addWidget(m_star);
    text->addLayout(top);
    text->addWidget(m_details);
    // State, battery and age side by side while they fit, else one under the other.
    auto *info = new QWidget(this);
    auto *infoFlow = new FlowLayout(info, 14, 2);
    m_state->setParent(info);
    m_battery->setParent(info);
    m_age->setParent(info);
    infoFlow->addWidget(m_state);
    infoFlow->addWidget(m_battery);
    infoFlow->addWidget(m_age);
    text->addWidget(info);
    text->addWidget(m_actions);
    text->addWidget(m_outcome);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    setFavourite(false);
    refresh();
}

QString DeviceCard::name() const
{
    return m_name->text();
}

void DeviceCard::setFavourite(bool on)
{
    m_favourite = on;
    m_star->setChecked(on);
    // Stars drawn as text: no icon theme needed, and they follow the palette's text colour.
    m_star->setText(on ? QStringLiteral("\u2605") : QStringLiteral("\u2606"));
    m_star->setToolTip(on ? tr("A favourite: shown first and in the tray menu. Click to remove.")
                          : tr("Make this a favourite: shown first and in the tray menu"));
    m_star->setAccessibleName(tr("Favourite %1").arg(name()));
}

QString DeviceCard::searchText() const
{
    return QStringList{name(), m_index.data(R::SourceNameRole).toString(), m_state->text(),
                       m_details->text()}
        .join(u'\n');
}

void DeviceCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::StyleChange)
        return;
    // A new colour scheme: our colours are derived from it, so derive them again.
    Theme::reapplyLater(this);
}

QPushButton *DeviceCard::addButton(const QString &text, int action, const QString &key,
                                   bool needsModifier)
{
    auto *b = new QPushButton(text, m_actions);
    if (key.isEmpty()) {
        if (action)
            connect(b, &QPushButton::clicked, this, [this, action] { request(action); });
        m_actions->layout()->addWidget(b);
        m_buttons << b;
        return b;
    }
    const QKeySequence sequence(needsModifier ? Qt::CTRL | Qt::SHIFT | Qt::Key(key.at(0).unicode())
                                              : Qt::Key(key.at(0).unicode()));
    b->setToolTip(tr("%1 (%2 when this device is focused)")
                      .arg(text, sequence.toString(QKeySequence::NativeText)));
    b->setProperty("shortcutKey", key);
    b->setProperty("needsModifier", needsModifier);
    b->setProperty("normalToolTip", b->toolTip());
    if (action)
        connect(b, &QPushButton::clicked, this, [this, action] { request(action); });
    m_actions->layout()->addWidget(b);
    m_buttons << b;
    return b;
}

QString DeviceCard::ageText(const QDateTime &when)
{
    if (!when.isValid())
        return tr("never updated");
    const qint64 s = qMax<qint64>(0, when.secsTo(QDateTime::currentDateTimeUtc()));
    if (s < 5)
        return tr("updated just now");
    if (s < 120)
        return tr("updated %n s ago", nullptr, int(s));
    if (s < 7200)
        return tr("updated %n min ago", nullptr, int(s / 60));
    return tr("updated %n h ago", nullptr, int(s / 3600));
}

QString DeviceCard::agoText(const QDateTime &when)
{
    if (!when.isValid())
        return tr("some time ago");
    const qint64 s = qMax<qint64>(0, when.secsTo(QDateTime::currentDateTimeUtc()));
    if (s < 5)
        return tr("just now");
    if (s < 120)
        return tr("%n s ago", nullptr, int(s));
    if (s < 7200)
        return tr("%n min ago", nullptr, int(s / 60));
    if (s < 172800)
        return tr("%n h ago", nullptr, int(s / 3600));
    return tr("%n days ago", nullptr, int(s / 86400));
}

void DeviceCard::refreshAge()
{
    const QDateTime when = m_index.data(R::LastUpdateRole).toDateTime();
    // Remembered, or not reachable now: when it was last heard from, not "updated".
    const bool old = m_index.data(R::RememberedRole).toBool() ||
                     !m_index.data(R::UnreachableTextRole).toString().isEmpty();
    // From the cloud: where from and as of when, always (its state is seconds behind).
    const QString via = m_index.data(R::ViaTextRole).toString();
    m_age->setText(old ? (when.isValid() ? tr("last seen %1").arg(agoText(when)) : QString())
                   : !via.isEmpty() ? via
                                    : ageText(when));
    // The rest of the card in words, for a screen reader's "describe".
    QStringList more{m_details->text()};
    if (!m_battery->text().isEmpty())
        more << m_battery->text();
    more << m_age->text();
    if (!m_outcome->text().isEmpty())
        more << m_outcome->text();
    setAccessibleDescription(more.join(QStringLiteral("; ")));
}

void DeviceCard::refresh()
{
    if (!m_index.isValid())
        return;
    auto d = [this](int role) { return m_index.data(role); };
    const QString name = d(R::NameRole).toString();
    const int state = d(R::StateRole).toInt();
    const bool stale = d(R::StaleRole).toBool();
    const QString stateText = d(R::StateTextRole).toString();
    const int door = d(R::DoorSensorRole).toInt();
    const auto look = StateIcons::lookFor(m_deviceType, state, state >= 0,
                                          door >= 0 ? std::optional<int>(door) : std::nullopt);
    m_icon->setPixmap(StateIcons::pixmap(look, 40, devicePixelRatioF()));
    m_name->setFullText(name);
    m_star->setAccessibleName(tr("Favourite %1").arg(name));
    // Remembered from the last run: greyed, marked, and its actions held until the bridge
    // confirms the device (the card stays and updates in place).
    const bool remembered = d(R::RememberedRole).toBool();
    // Not reachable now (its source is down or refuses us, or a Wi-Fi lock left its broker):
    // greyed the same way, said why and since when, and its actions held.
    const QString unreachable = d(R::UnreachableTextRole).toString();
    const bool away = !unreachable.isEmpty() && !remembered;
    for (QWidget *w : {static_cast<QWidget *>(m_icon), static_cast<QWidget *>(m_name),
                       static_cast<QWidget *>(m_details), static_cast<QWidget *>(m_state),
                       static_cast<QWidget *>(m_battery)})
        w->setEnabled(!remembered && !away);
    // "last seen 3 min ago" in a frame of its own: the mark of a remembered card.
    m_age->setFrameStyle(remembered ? QFrame::Box | QFrame::Plain : QFrame::NoFrame);
    m_age->setMargin(remembered ? 2 : 0);
    Theme::apply(m_age, remembered ? Theme::Role::Normal : Theme::Role::Secondary);
    m_age->setToolTip(remembered ? tr("Remembered from the last run: the bridge has not "
                                      "confirmed this device yet.")
                                 : QString());
    Theme::apply(m_details, remembered ? Theme::Role::Normal : Theme::Role::Secondary);
    m_state->setText(away ? unreachable : stateText);
    // The words stand for a number of Nuki's protocol: kept here for whoever compares.
    m_state->setToolTip(state >= 0 ? tr("Nuki state %1").arg(state) : QString());
    QStringList details{d(R::KindRole).toString()};
    if (d(R::DoorSensorVisibleRole).toBool())
        details << d(R::DoorSensorTextRole).toString();
    if (d(R::KeypadBatteryCriticalRole).toBool())
        details << tr("Keypad battery low");
    if (!d(R::KnownTypeRole).toBool())
        details << tr("This kind of device is new to this app: shown without actions");
    // Who or what moved it last, where the lock says so (a Wi-Fi lock's event).
    if (const QString event = d(R::LastEventTextRole).toString(); !event.isEmpty())
        details << event;
    m_details->setText(details.join(QStringLiteral(" · ")));
    // With two ways to it (a bridge and a broker): which acts, and why.
    m_details->setToolTip(d(R::ReachedThroughRole).toString());

    const int battery = d(R::BatteryRole).toInt();
    QString batteryText;
    if (battery >= 0)
        batteryText = tr("Battery %1%").arg(battery);
    if (d(R::BatteryChargingRole).toBool())
        batteryText += tr(" (charging)");
    if (d(R::BatteryCriticalRole).toBool())
        batteryText = (batteryText.isEmpty() ? tr("Battery") : batteryText) + tr(" — critical");
    m_battery->setText(batteryText);
    m_battery->setVisible(!batteryText.isEmpty());
    Theme::apply(m_battery,
                 d(R::BatteryCriticalRole).toBool() ? Theme::Role::Danger : Theme::Role::Normal);
    m_ring->setVisible(d(R::RingRole).toBool());

    const int phase = d(R::ActionPhaseRole).toInt();
    const bool running = phase == ActionStatus::Pending || phase == ActionStatus::Sent;
    const QString held =
        !remembered ? QString()
        : stale     ? tr("Held: the bridge cannot be reached. This device was last seen %1; its "
                             "actions wait until the bridge confirms it.")
                      .arg(agoText(d(R::LastUpdateRole).toDateTime()))
                : tr("Held until the bridge confirms this device (last seen %1).")
                      .arg(agoText(d(R::LastUpdateRole).toDateTime()));
    // Full lock is a Wi-Fi lock's own command: offered while its broker acts for it, not
    // while a bridge does (the bridge has no such action).
    // Nuki Web has it too (lock with the full-lock option), for a Smart Lock 3.0 or later.
    const bool throughBroker = d(R::SourceKindRole).toInt() == int(SourceKind::Broker) ||
                               (d(R::SourceKindRole).toInt() == int(SourceKind::Web) &&
                                m_deviceType == int(DeviceType::SmartLock3));
    for (QPushButton *b : std::as_const(m_brokerOnly))
        b->setVisible(throughBroker);
    const QString heldAway = d(R::HeldTextRole).toString();
    for (QPushButton *b : std::as_const(m_buttons)) {
        b->setEnabled(!running && !remembered && !away);
        b->setToolTip(remembered ? held
                      : away     ? heldAway
                                 : b->property("normalToolTip").toString());
        // Said with the device: a screen reader hears "Unlock Front door", not just "Unlock".
        b->setAccessibleName(tr("%1 %2").arg(b->text(), name));
    }
    DeviceState shown;
    shown.state = state;
    shown.mode = d(R::ModeRole).toInt();
    for (auto it = m_toggles.cbegin(); it != m_toggles.cend(); ++it)
        it.key()->setChecked(toggleIsOn(m_deviceType, it.value(), shown));
    QString outcome = d(R::ActionTextRole).toString();
    const QString error = d(R::ErrorTextRole).toString();
    if (!error.isEmpty())
        outcome = outcome.isEmpty() ? error : outcome + u'\n' + error;
    m_outcome->setText(outcome);
    m_outcome->setVisible(!outcome.isEmpty());
    const bool bad = d(R::ActionAlarmRole).toBool();
    Theme::apply(m_outcome, bad ? Theme::Role::Danger : Theme::Role::Normal);
    setAccessibleName(tr("%1, %2").arg(name, m_state->text()));
    refreshAge();
}

void DeviceCard::keyPressEvent(QKeyEvent *event)
{
    // By key code, not text: with Ctrl held the text is a control character.
    const int code = event->key();
    const QString key = code >= Qt::Key_A && code <= Qt::Key_Z ? QString(QChar(code)) : QString();
    const Qt::KeyboardModifiers mods =
        event->modifiers() &
        (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    for (QPushButton *b : std::as_const(m_buttons)) {
        const Qt::KeyboardModifiers wanted = b->property("needsModifier").toBool()
                                                 ? (Qt::ControlModifier | Qt::ShiftModifier)
                                                 : Qt::NoModifier;
        if (!key.isEmpty() && b->property("shortcutKey").toString() == key && mods == wanted &&
            b->isEnabled()) {
            if (b->menu())
                b->showMenu();
            else
                b->click();
            return;
        }
    }
    QFrame::keyPressEvent(event);
}

void DeviceCard::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    if (hasFocus()) {
        // A visible focus ring: the card's keys act on this device.
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
    }
    // For the start-up benchmark (tests/bench): say once when the first card is on screen.
    static bool reported = false;
    if (!reported && qEnvironmentVariableIsSet("NUKI_REPORT_FIRST_PAINT")) {
        reported = true;
        fprintf(stderr, "nuki-desktop: first device card painted\n");
        fflush(stderr);
    }
}

void DeviceCard::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Refresh now (wakes the lock over Bluetooth)"), this,
                   [this] { emit refreshRequested(m_key); });
    menu.addAction(m_favourite ? tr("Remove from favourites") : tr("Add to favourites"), this,
                   [this] { emit favouriteToggled(m_key, !m_favourite); });
    menu.addAction(tr("History of %1").arg(m_name->text()), this,
                   [this] { emit historyRequested(m_key); });
    menu.exec(event->globalPos());
}
