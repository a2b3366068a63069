// nuki-desktop: a desktop client for Nuki Smart Locks, Openers and door sensors.
#include "AppController.h"
#include "platform/SingleInstance.h"
#include "platform/Translations.h"
#include "platform/UnixSignals.h"
#include "platform/WindowActivation.h"
#include "store/Settings.h"
#include "tray/TrayController.h"
#include "tray/TrayWatcher.h"
#include "widgets/StateIcons.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStatusBar>
#include <QTimer>
#include <cstdio>
#include <cstring>

namespace {

struct Options
{
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate(
                                "main", "Start with a simulated bridge and household (no setup).")};
    QCommandLineOption minimized{QStringLiteral("minimized"),
                                 QCoreApplication::translate("main", "Start hidden in the tray.")};
    QCommandLineOption config{QStringLiteral("config"),
                              QCoreApplication::translate("main", "Use this settings file."),
                              QStringLiteral("file")};
};

void describe(QCommandLineParser &parser, const Options &o)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Controls Nuki Smart Locks and Openers through a Nuki Bridge's local HTTP API."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({o.demo, o.minimized, o.config});
}

void setNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NUKI_VERSION));
}

// --help and --version print text only; they must work with no display (a GUI application
// without one aborts), so they are answered before any GUI exists.
bool onlyText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char *o : {"-h", "--help", "-?", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], o) == 0)
                return true;
    return false;
}

bool haveDisplay()
{
    // A platform chosen by hand (offscreen, vnc, ...) needs no display of ours to check.
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith("xcb") && !platform.startsWith("wayland"))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// Quits once running actions have their outcome (at most 15 s), so none is left unreported,
// and once this app's callbacks are removed from the bridges (at most 5 s more). Ends the
// event loop directly: QApplication::quit() would first ask the windows to close, and a
// window that hides into the tray refuses, so Quit would only hide it.
void quitWhenIdle(AppController *controller, MainWindow *window)
{
    static bool quitting = false;
    if (quitting)
        return;
    quitting = true;
    window->statusBar()->showMessage(
        QApplication::translate("main", "Finishing: waiting for running actions and taking "
                                        "this app's callback off the bridges…"));
    nuki::Home *home = controller->home();
    auto finish = [controller] { controller->shutdown([] { QCoreApplication::exit(0); }); };
    if (home->actions()->running() == 0) {
        finish();
        return;
    }
    QObject::connect(home, &nuki::Home::actionFinished, qApp, [home, finish] {
        if (home->actions()->running() == 0)
            finish();
    });
    QTimer::singleShot(15000, qApp, finish);
}

} // namespace

int main(int argc, char **argv)
{
    if (onlyText(argc, argv) || !haveDisplay()) {
        QCoreApplication app(argc, argv);
        setNames();
        nuki::installTranslations();
        QCommandLineParser parser;
        Options o;
        describe(parser, o);
        parser.process(app); // --help and --version print and exit here
        std::fputs(qPrintable(QCoreApplication::translate(
                       "main", "nuki-desktop: no display to show a window on (neither DISPLAY "
                               "nor WAYLAND_DISPLAY is set). Start it in a desktop session.\n")),
                   stderr);
        return 1;
    }

    // Read before the GUI exists: Qt takes the launcher's startup id out of the environment.
    const QString activationToken = SingleInstance::activationToken();
    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Nuki Desktop"));
    QApplication::setDesktopFileName(QStringLiteral("nuki-desktop"));
    QApplication::setWindowIcon(StateIcons::appIcon());
    QApplication::setQuitOnLastWindowClosed(false); // the tray may hold the app
    nuki::installTranslations();

    QCommandLineParser parser;
    Options o;
    describe(parser, o);
    parser.process(app);

    auto settingsFile = parser.isSet(o.config)
                            ? std::make_unique<nuki::Settings>(parser.value(o.config))
                            : std::make_unique<nuki::Settings>();
    nuki::Settings &settings = *settingsFile;
    // A second start in this session with these settings raises the running app instead.
    SingleInstance instance(SingleInstance::nameFor(settings.fileName(), parser.isSet(o.demo)));
    if (instance.activateRunning(activationToken)) {
        std::fputs(qPrintable(QApplication::translate(
                       "main", "nuki-desktop: already running in this session with these "
                               "settings; raised its window.\n")),
                   stderr);
        return 0;
    }
    instance.listen();

    AppController controller(&settings, parser.isSet(o.demo));
    MainWindow window(&controller);
    TrayController tray(&controller);
    TrayWatcher trayWatcher;
    auto useTray = [&] {
        window.setKeepRunningInTray(true);
        tray.show();
    };
    const bool haveTray = trayWatcher.available();
    if (haveTray) {
        useTray();
    } else {
        // A panel started after the app (a login session) still gets the icon.
        QObject::connect(&trayWatcher, &TrayWatcher::trayAppeared, &tray, useTray);
        trayWatcher.watch();
    }

    auto showWindow = [&window](const QString &deviceKey) {
        if (deviceKey == u"toggle" && window.isVisible() && window.isActiveWindow()) {
            window.hide();
            return;
        }
        window.showDevice(deviceKey == u"toggle" ? QString() : deviceKey);
    };
    QObject::connect(&instance, &SingleInstance::activated, &window,
                     [&window](const QString &token) { WindowActivation::raise(&window, token); });
    QObject::connect(&tray, &TrayController::showWindowRequested, &window, showWindow);
    QObject::connect(&tray, &TrayController::settingsRequested, &window, &MainWindow::openSettings);
    QObject::connect(&window, &MainWindow::lockAllRequested, &tray, &TrayController::lockAll);
    QObject::connect(&tray, &TrayController::quitRequested, &app,
                     [&] { quitWhenIdle(&controller, &window); });
    QObject::connect(&window, &MainWindow::quitRequested, &app,
                     [&] { quitWhenIdle(&controller, &window); });
    // kill, logout, Ctrl+C: the same careful end; a second signal ends at once.
    UnixSignals unixSignals;
    int signalsSeen = 0;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &app, [&](int) {
        if (++signalsSeen > 1)
            QCoreApplication::exit(1);
        quitWhenIdle(&controller, &window);
    });

    // The last known devices, painted at once; never in demo mode.
    if (!controller.isDemo())
        controller.rememberHomeIn(nuki::HomeMemory::pathFor(settings.fileName()));
    controller.startHistory(nuki::Journal::pathFor(settings.fileName()));
    controller.start();
    // The history's troubles, said once each in the status line (the History window says it
    // too, for as long as it lasts).
    QObject::connect(&controller, &AppController::journalOpened, &window, [&] {
        QObject::connect(controller.journal(), &nuki::Journal::statusChanged, &window,
                         [&window](nuki::Journal::Status, const QString &message) {
                             if (!message.isEmpty())
                                 window.statusBar()->showMessage(message, 30000);
                         });
    });
    QObject::connect(&controller, &AppController::keychainProblem, &window,
                     [&window](const QString &, const QString &message) {
                         window.statusBar()->showMessage(
                             QApplication::translate("main", "Keychain: %1").arg(message), 15000);
                     });
    // First start: the wizard. Any configured source (a bridge or a broker) is a home.
    if (!controller.isDemo() && settings.bridges().isEmpty() && settings.brokers().isEmpty())
        QTimer::singleShot(0, &window, &MainWindow::addBridge);
    const bool wantHidden = parser.isSet(o.minimized) || settings.startMinimized();
    if (wantHidden && !haveTray) {
        // Started with the session, maybe before the panel: give the tray a moment to come,
        // then show the window after all, since without a tray there is no other way in.
        QTimer::singleShot(10000, &window, [&window, &trayWatcher] {
            if (!trayWatcher.available())
                window.show();
        });
    } else if (!wantHidden) {
        window.show();
    }
    return app.exec();
}
