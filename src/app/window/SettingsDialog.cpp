#include "window/SettingsDialog.h"

#include "AppController.h"
#include "platform/Autostart.h"
#include "window/AutomationsPage.h"

#include <QCoreApplication>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace nuki;
using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(AppController *app, QWidget *parent) : QDialog(parent), m_app(app)
{
    setWindowTitle(tr("Settings"));
    Settings *s = app->settings();
    m_interval = new QSpinBox(this);
    m_interval->setRange(2, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(s->pollIntervalSeconds());
    m_interval->setToolTip(tr("How often the bridge's list is read. It does not wake the locks."));
    m_historyDays = new QSpinBox(this);
    m_historyDays->setRange(7, 3650);
    m_historyDays->setSuffix(tr(" days"));
    m_historyDays->setValue(s->historyDays());
    m_historyDays->setToolTip(tr("Older events leave the history, on this computer only. Takes "
                                 "effect at the next start."));
    m_confirm = new QCheckBox(tr("Ask before opening a door (unlatch, buzz)"), this);
    m_confirm->setChecked(s->confirmOpen());
    m_minimized = new QCheckBox(tr("Start minimized to the tray"), this);
    m_minimized->setChecked(s->startMinimized());
    m_login = new QCheckBox(tr("Start at login"), this);
    m_login->setChecked(s->startAtLogin());
    if (app->isDemo()) {
        // The demo writes no autostart entry, so it must not claim to have one either.
        m_login->setEnabled(false);
        m_login->setToolTip(tr("Not in demo mode: the demo does not change how this computer "
                               "starts."));
    }

    auto *general = new QFormLayout;
    general->addRow(tr("Check the bridges every"), m_interval);
    general->addRow(tr("Keep the history for"), m_historyDays);
    general->addRow(m_confirm);
    general->addRow(m_minimized);
    general->addRow(m_login);

    auto *notifyBox = new QGroupBox(tr("Notify me when"), this);
    auto *notifyLayout = new QVBoxLayout(notifyBox);
    const QList<QPair<NotifyKind, QString>> kinds = {
        {NotifyKind::Door, tr("a door opens or closes")},
        {NotifyKind::External, tr("someone else locks or unlocks (by hand, keypad, app)")},
        {NotifyKind::Ring, tr("someone rings at the Opener")},
        {NotifyKind::Battery, tr("a battery becomes critical")},
        {NotifyKind::Bridge, tr("a bridge is offline for a few minutes")},
        {NotifyKind::Token, tr("a bridge rejects the token")},
        {NotifyKind::Action, tr("an action fails or its outcome is unknown")}};
    for (const auto &[kind, text] : kinds) {
        auto *box = new QCheckBox(text, notifyBox);
        box->setChecked(s->notify(kind));
        notifyLayout->addWidget(box);
        m_notify << qMakePair(kind, box);
    }

    auto *bridgeBox = new QGroupBox(tr("Bridges"), this);
    m_bridges = new QListWidget(bridgeBox);
    for (const QString &id : app->home()->sourceIds()) {
        const BridgeSource *b = bridgeSource(*app->home(), id);
        if (!b)
            continue;
        auto *item = new QListWidgetItem(b->name(), m_bridges);
        item->setData(Qt::UserRole, id);
        item->setToolTip(b->address());
    }
    auto *rename = new QPushButton(tr("Rename…"), bridgeBox);
    auto *remove = new QPushButton(tr("Remove"), bridgeBox);
    rename->setEnabled(!app->isDemo());
    remove->setEnabled(!app->isDemo());
    connect(rename, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_bridges->currentItem();
        if (!item)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename bridge"), tr("Name:"),
                                                   QLineEdit::Normal, item->text(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        const QString id = item->data(Qt::UserRole).toString();
        BridgeSource *b = bridgeSource(*m_app->home(), id);
        if (!b)
            return; // removed meanwhile
        b->rename(name.trimmed());
        m_app->settings()->upsertBridge(b->config());
        item->setText(name.trimmed());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_bridges->currentItem();
        if (!item)
            return;
        if (QMessageBox::question(
                this, tr("Remove bridge"),
                tr("Remove “%1” and its token from this computer?").arg(item->text())) !=
            QMessageBox::Yes)
            return;
        m_app->removeBridge(item->data(Qt::UserRole).toString());
        delete item;
    });
    auto *bridgeButtons = new QHBoxLayout;
    bridgeButtons->addWidget(rename);
    bridgeButtons->addWidget(remove);
    bridgeButtons->addStretch();
    auto *bridgeLayout = new QVBoxLayout(bridgeBox);
    bridgeLayout->addWidget(m_bridges);
    bridgeLayout->addLayout(bridgeButtons);

    // Wi-Fi locks say who moved them only by number (an auth id, a keypad code id).
    auto *peopleBox = new QGroupBox(tr("People"), this);
    auto *peopleHint = new QLabel(tr("Names for the numbers a Wi-Fi lock reports, one per line, "
                                     "for example “8193 = Anna”."),
                                  peopleBox);
    peopleHint->setWordWrap(true);
    m_people = new QPlainTextEdit(peopleBox);
    m_people->setObjectName(QStringLiteral("peopleNames"));
    m_people->setAccessibleName(tr("Names for auth and code ids"));
    m_people->setMaximumHeight(90);
    m_people->setPlainText(
        s->value(Settings::Key::PeopleNames).toStringList().join(u'\n').replace(u'=', u" = "_s));
    auto *peopleLayout = new QVBoxLayout(peopleBox);
    peopleLayout->addWidget(peopleHint);
    peopleLayout->addWidget(m_people);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Two pages: everything as before, and the desk automations.
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    auto *generalPage = new QWidget(tabs);
    auto *generalLayout = new QVBoxLayout(generalPage);
    generalLayout->addLayout(general);
    generalLayout->addWidget(notifyBox);
    generalLayout->addWidget(bridgeBox);
    generalLayout->addWidget(peopleBox);
    tabs->addTab(generalPage, tr("General"));
    m_automations = new AutomationsPage(app, tabs);
    tabs->addTab(m_automations, tr("Automations"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    Settings *s = m_app->settings();
    s->setPollIntervalSeconds(m_interval->value());
    s->setHistoryDays(m_historyDays->value());
    s->setConfirmOpen(m_confirm->isChecked());
    s->setStartMinimized(m_minimized->isChecked());
    if (!m_app->isDemo())
        s->setStartAtLogin(m_login->isChecked());
    for (const auto &[kind, box] : std::as_const(m_notify))
        s->setNotify(kind, box->isChecked());
    // "8193 = Anna" lines; anything else is left out.
    QStringList names;
    for (const QString &line : m_people->toPlainText().split(u'\n')) {
        const qsizetype eq = line.indexOf(u'=');
        bool number = false;
        const quint32 id = line.left(eq).trimmed().toUInt(&number);
        const QString name = line.mid(eq + 1).trimmed().left(40);
        if (eq > 0 && number && !name.isEmpty())
            names << QString::number(id) + u'=' + name;
    }
    if (!m_app->isDemo())
        s->setValue(Settings::Key::PeopleNames, names.mid(0, 200));
    s->sync();
    m_automations->apply();
    if (!m_app->isDemo())
        Autostart::apply(s->startAtLogin(), QCoreApplication::applicationFilePath());
    QDialog::accept(); // the app follows the settings' change signal
}
