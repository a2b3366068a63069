#include "window/MainWindow.h"

#include "AppAutomations.h"
#include "protocol/PlainText.h"

#include "AppController.h"
#include "history/HistoryWindow.h"
#include "platform/WindowPlacement.h"
#include "widgets/StateIcons.h"
#include "widgets/Theme.h"
#include "window/BridgeDetailsDialog.h"
#include "window/BrokerDetailsDialog.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/SettingsDialog.h"
#include "wizard/SetupWizard.h"

#include <QAccessible>
#include <QApplication>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace nuki;

MainWindow::MainWindow(AppController *app, QWidget *parent) : QMainWindow(parent), m_app(app)
{
    // Qt adds " — Nuki Desktop" to any other title; the accessible name is the whole of it.
    const QString appName = QStringLiteral("Nuki Desktop");
    setWindowTitle(app->isDemo() ? tr("Demo (simulated household)") : appName);
    setAccessibleName(app->isDemo() ? tr("%1 — demo with a simulated household").arg(appName)
                                    : appName);
    setWindowIcon(StateIcons::appIcon());

    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    if (app->isDemo()) {
        // Above the list, full width: at any window width it is seen.
        m_demoMark = new QLabel(tr("DEMO — simulated bridge"), central);
        m_demoMark->setObjectName(QStringLiteral("demoMark"));
        QFont bold = m_demoMark->font();
        bold.setBold(true);
        m_demoMark->setFont(bold);
        m_demoMark->setWordWrap(true);
        m_demoMark->setContentsMargins(10, 4, 10, 4);
        m_demoMark->setToolTip(tr("Everything here is simulated: no real lock is moved."));
        Theme::apply(m_demoMark, Theme::Role::Badge);
        column->addWidget(m_demoMark);
    }
    m_filter = new QLineEdit(central);
    m_filter->setObjectName(QStringLiteral("filterField"));
    m_filter->setPlaceholderText(tr("Filter by name, bridge or state (Ctrl+F)"));
    {
        // Some desktop themes leave the hint near-invisible on a dark field: keep it readable.
        QPalette p = m_filter->palette();
        p.setColor(
            QPalette::PlaceholderText,
            Theme::withContrast(p.color(QPalette::PlaceholderText), p.color(QPalette::Base), 4.5));
        m_filter->setPalette(p);
    }
    m_filter->setAccessibleName(tr("Filter devices"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_filter->hide();
    auto *filterRow = new QVBoxLayout;
    filterRow->setContentsMargins(9, 6, 9, 0);
    filterRow->addWidget(m_filter);
    column->addLayout(filterRow);
    m_list = new DeviceListView(app, central);
    column->addWidget(m_list, 1);
    setCentralWidget(central);
    connect(m_filter, &QLineEdit::textChanged, m_list, &DeviceListView::setFilter);
    connect(m_list, &DeviceListView::countChanged, this, &MainWindow::updateFilterVisibility);

    buildMenus();

    connect(m_list, &DeviceListView::detailsRequested, this, &MainWindow::openBridgeDetails);
    connect(m_list, &DeviceListView::newTokenRequested, this, &MainWindow::enterNewToken);
    connect(app->home(), &Home::actionFinished, this,
            [this](const DeviceKey &, const ActionStatus &status) {
                if (status.phase == ActionStatus::Succeeded)
                    statusBar()->showMessage(tr("Done."), 4000);
            });
    // The status line is painted by QStatusBar, which a screen reader cannot read: say it in
    // the bar's accessible description, and announce the change.
    statusBar()->setAccessibleName(tr("Status"));
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        statusBar()->setAccessibleDescription(message);
        QAccessibleEvent event(statusBar(), QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    });
    statusBar()->showMessage(app->isDemo() ? tr("Demo mode: a simulated household on this "
                                                "computer. Try the buttons.")
                                           : QString(),
                             10000);
    buildAutomationsSign();
    placeInitially();
}

// While an automation can lock a door, the window says so, with the pause at hand.
void MainWindow::buildAutomationsSign()
{
    m_automationsSign = new QToolButton(this);
    m_automationsSign->setObjectName(QStringLiteral("automationsSign"));
    m_automationsSign->setAutoRaise(true);
    m_automationsSign->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    statusBar()->addPermanentWidget(m_automationsSign);
    connect(m_automationsSign, &QToolButton::clicked, this, [this] {
        AppAutomations *a = m_app->automations();
        a->setPaused(!a->paused());
    });
    auto sync = [this] {
        AppAutomations *a = m_app->automations();
        const QList<automation::Rule> rules = a->rules();
        m_automationsSign->setVisible(!rules.isEmpty());
        if (rules.isEmpty())
            return;
        QStringList what;
        for (const automation::Rule &r : rules) {
            const DeviceRecord *d = m_app->home()->device(r.device);
            what << tr("%1: %2").arg(d ? plainText(d->device.name) : r.device.toString(),
                                     automation::triggerText(r.trigger));
        }
        if (a->paused()) {
            m_automationsSign->setText(tr("Automations paused — resume"));
            m_automationsSign->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
        } else {
            m_automationsSign->setText(a->armed() ? tr("Automations armed — pause")
                                                  : tr("Reminders on — pause"));
            m_automationsSign->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
        }
        QString tip = what.join(u'\n');
        if (!a->lastFailure().isEmpty())
            tip = tr("Last failure: %1").arg(a->lastFailure()) + u'\n' + tip;
        m_automationsSign->setToolTip(tip);
        m_automationsSign->setAccessibleName(m_automationsSign->text());
        m_automationsSign->setAccessibleDescription(tip);
    };
    connect(m_app->automations(), &AppAutomations::changed, this, sync);
    sync();
}

MainWindow::~MainWindow()
{
    saveGeometryToSettings();
}

HistoryWindow *MainWindow::historyWindow() const
{
    return m_history;
}

void MainWindow::openHistory(const DeviceKey &key)
{
    if (!m_history) {
        m_history = new HistoryWindow(m_app->historyPath(), m_app->journal(), nullptr);
        m_history->setAttribute(Qt::WA_DeleteOnClose);
        m_history->setWindowIcon(windowIcon());
        // Opened before the journal: it follows the journal once there.
        connect(m_app, &AppController::journalOpened, m_history, [this] {
            if (m_history)
                m_history->followJournal(m_app->journal());
        });
        connect(this, &QObject::destroyed, m_history, &QWidget::close);
    }
    m_history->showDevice(key);
    m_history->setWindowState(m_history->windowState() & ~Qt::WindowMinimized);
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
}

void MainWindow::buildMenus()
{
    Home *home = m_app->home();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close window"), this, &QWidget::close);
    // Spelled out: the standard keys depend on the platform theme (none on some).
    close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quitRequested);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *bridge = menuBar()->addMenu(tr("&Bridge"));
    QAction *add =
        bridge->addAction(tr("&Add bridge or Wi-Fi lock…"), this, &MainWindow::addBridge);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    add->setEnabled(!m_app->isDemo());
    QAction *refresh = bridge->addAction(tr("&Refresh"), home, &Home::refresh);
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    refresh->setToolTip(tr("Read the state of every device from the bridges (F5)"));
    QAction *lockAll = bridge->addAction(tr("&Lock all"), this, &MainWindow::lockAllRequested);
    lockAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAll->setToolTip(tr("Read every bridge, then lock every Smart Lock that is not locked"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Find device…"), this, &MainWindow::findDevice);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction *history = view->addAction(tr("&History…"), this, [this] { openHistory(DeviceKey{}); });
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(m_app, &AppController::historyRequested, this, &MainWindow::openHistory);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    help->addAction(tr("&About Nuki Desktop"), this, &MainWindow::showAbout);

    // The toolbar repeats the common ones for the mouse; the menu bar makes all of them
    // reachable by keyboard (Alt or F10), each with its shortcut.
    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *a : {refresh, lockAll, add, settings})
        bar->addAction(a);
    // The "more" button a narrow window shows at the toolbar's end.
    if (auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More toolbar buttons"));
}

void MainWindow::placeInitially()
{
    // Remembered size and position, but never off the screen (a monitor unplugged since);
    // otherwise a size that fits the screen at any scale, centred on it.
    const QByteArray saved = m_app->settings()->windowGeometry();
    // A saved size smaller than the narrowest the cards are made for (a damaged or
    // hand-edited file) counts as none.
    if (!saved.isEmpty() && restoreGeometry(saved) && width() >= MinUsableWidth &&
        height() >= MinUsableHeight) {
        WindowPlacement::clampToScreen(this);
        return;
    }
    resize(WindowPlacement::fitted(this, QSize(640, 720)));
    WindowPlacement::centreOver(this, nullptr);
}

void MainWindow::saveGeometryToSettings()
{
    if (m_app->isDemo())
        return; // demo mode writes nothing
    m_app->settings()->setWindowGeometry(saveGeometry());
    m_app->settings()->sync();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    if (!event->spontaneous())
        saveGeometryToSettings();
    // Nobody looks: a polled cloud reads less often (minimised is hidden too).
    m_app->home()->setWatched(false);
    QMainWindow::hideEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    m_app->home()->setWatched(true);
    m_app->automations()->clearFailure(); // seen: the tray's badge goes
    QMainWindow::showEvent(event);
}

void MainWindow::updateFilterVisibility()
{
    const bool many = m_list->cards().size() > FilterThreshold;
    m_filter->setVisible(many || m_filterOpened || !m_filter->text().isEmpty());
}

void MainWindow::findDevice()
{
    m_filterOpened = true;
    updateFilterVisibility();
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        // Esc clears the filter; on an empty one it goes back to the list.
        if (!m_filter->text().isEmpty()) {
            m_filter->clear();
        } else {
            m_filterOpened = false;
            updateFilterVisibility();
            m_list->setFocus(Qt::OtherFocusReason);
        }
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showShortcuts()
{
    const auto key = [](QKeyCombination k) {
        return QKeySequence(k).toString(QKeySequence::NativeText);
    };
    const QString text =
        tr("<p><b>Window</b><br>%1 refresh · %2 lock all · %3 find a device · %4 settings · "
           "%5 add a bridge · %6 close the window · %7 quit</p>"
           "<p><b>On a focused device card</b> (Tab moves between cards)<br>L lock · "
           "Ctrl+Shift+U unlock · Ctrl+Shift+O open · Ctrl+Shift+G Lock ’n’ Go · "
           "Ctrl+Shift+R Ring to Open · Ctrl+Shift+C continuous mode · "
           "Menu key: more, favourites</p>"
           "<p><b>In the filter field</b><br>Esc clears it</p>")
            .arg(key(QKeyCombination(Qt::Key_F5)), key(Qt::CTRL | Qt::Key_L),
                 key(Qt::CTRL | Qt::Key_F), key(Qt::CTRL | Qt::Key_Comma),
                 key(Qt::CTRL | Qt::Key_N), key(Qt::CTRL | Qt::Key_W), key(Qt::CTRL | Qt::Key_Q));
    QMessageBox box(QMessageBox::Information, tr("Keyboard shortcuts"), text, QMessageBox::Ok,
                    this);
    box.setObjectName(QStringLiteral("shortcutsBox"));
    box.adjustSize();
    WindowPlacement::centreOver(&box, this);
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox box(QMessageBox::Information, tr("About Nuki Desktop"),
                    tr("Nuki Desktop %1: Nuki Smart Locks, Openers and door sensors through a "
                       "Nuki Bridge's local HTTP API.")
                        .arg(QApplication::applicationVersion()),
                    QMessageBox::Ok, this);
    box.adjustSize();
    WindowPlacement::centreOver(&box, this);
    box.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveGeometryToSettings();
    if (m_keepInTray) {
        hide();
        event->ignore();
        if (!m_app->settings()->trayHintShown()) {
            m_app->settings()->setTrayHintShown(true);
            showTrayHint();
        }
        return;
    }
    event->accept();
    emit quitRequested();
}

void MainWindow::showTrayHint()
{
    // Said once: a closed window that leaves the app running would otherwise look like a
    // hang, or like notifications stopping. Not modal: nothing waits for it.
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Still running"),
        tr("Nuki Desktop keeps running in the system tray, so "
           "notifications keep coming.\n\nTo open the window again, "
           "click the tray icon. To quit, choose Quit in its menu or "
           "press %1 in the window.")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_Q).toString(QKeySequence::NativeText)),
        QMessageBox::Ok);
    box->setObjectName(QStringLiteral("trayHint"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->adjustSize();
    WindowPlacement::centreOver(box, nullptr);
    box->show();
}

void MainWindow::showDevice(const QString &deviceKey)
{
    showNormal();
    raise();
    activateWindow();
    for (DeviceCard *c : m_list->cards()) {
        if (c->key().toString() == deviceKey) {
            if (c->isHidden())
                m_filter->clear(); // a filtered-out card is shown by clearing the filter
            m_list->ensureWidgetVisible(c);
            c->setFocus();
        }
    }
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_app, this);
    dialog.adjustSize();
    WindowPlacement::centreOver(&dialog, this);
    dialog.exec();
}

void MainWindow::openBridgeDetails(const QString &sourceId)
{
    const Source *s = m_app->home()->source(sourceId);
    if (s && s->kind() == SourceKind::Broker) {
        BrokerDetailsDialog dialog(m_app->home(), sourceId, this);
        dialog.adjustSize();
        WindowPlacement::centreOver(&dialog, this);
        dialog.exec();
        return;
    }
    if (const auto *w = qobject_cast<const WebSource *>(s)) {
        // The cloud account in a few lines: where, how it is, what it may not do.
        QStringList lines{tr("Nuki Web at %1").arg(w->config().apiUrl),
                          tr("Link: %1").arg(linkStatusText(w->link()))};
        if (!w->link().lastError.ok())
            lines << w->link().lastError.message();
        lines << (w->listIntervalMs() > 0
                      ? tr("It acts for devices no bridge or broker reaches now, and reads them "
                           "every %n second(s).",
                           nullptr, w->listIntervalMs() / 1000)
                      : tr("Every device is reached at home: only its log is read (about every "
                           "5 minutes), for who did what."));
        if (w->logRefused())
            lines << tr("The API token does not allow reading the log (smartlock.log).");
        lines << tr("%n request(s) to Nuki Web in this run.", nullptr, w->requestsSent());
        QMessageBox::information(this, tr("Nuki Web"), lines.join(u'\n'));
        return;
    }
    BridgeDetailsDialog dialog(m_app->home(), sourceId, m_app->push(), this);
    dialog.adjustSize();
    WindowPlacement::centreOver(&dialog, this);
    dialog.exec();
}

void MainWindow::enterNewToken(const QString &bridgeId)
{
    // The token and check pages for that bridge; its devices stay visible meanwhile.
    auto *wizard = new SetupWizard(m_app, this, bridgeId);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    WindowPlacement::centreOver(wizard, this);
    wizard->open();
}

void MainWindow::addBridge()
{
    auto *wizard = new SetupWizard(m_app, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    WindowPlacement::centreOver(wizard, this);
    wizard->open();
    emit addBridgeRequested();
}
