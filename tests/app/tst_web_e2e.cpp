// Nuki Web in the app, end to end: the app (AppController and the window) with the simulated
// bridge and the simulated Nuki Web over TLS (the account's token in the real keychain, its
// address and CA in the settings): one card for the lock both reach, the cloud's own devices
// "via Nuki Web" with the age, and a keypad unlock by "Anna" in the cloud's log, from the time
// the app was not running, in the History window and in the real nukictl's `history --json`.
#include "AppController.h"
#include "SimBridge.h"
#include "SimFixtures.h"
#include "SimWeb.h"
#include "TestPalettes.h"
#include "history/HistoryModel.h"
#include "history/HistoryWindow.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"
#include "wizard/SetupWizard.h"
#include "wizard/WebPage.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace nuki;

namespace {
const QString BridgeToken = QStringLiteral("web-e2e-bridge");
const QByteArray WebToken = "web-e2e-token-44aa";
const quint32 FrontNukiId = 0x2CACCC82u;
const qint64 FrontId = (qint64(4) << 32) | FrontNukiId;
} // namespace

class TestWebE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<nukisim::SimBridge> bridge;
    std::unique_ptr<nukisim::SimWeb> web;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<AppController> app;
    std::unique_ptr<MainWindow> window;

    QString settingsFile() const { return dir->filePath(QStringLiteral("settings.ini")); }

    QJsonArray nukictlHistory()
    {
        QProcess p;
        p.start(qEnvironmentVariable("NUKICTL"),
                {QStringLiteral("--config"), settingsFile(), QStringLiteral("history"),
                 QStringLiteral("--json")});
        if (!p.waitForFinished(20000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    }
    QString ageText(DeviceCard *card)
    {
        for (QLabel *l : card->findChildren<QLabel *>())
            if (l->text().startsWith(u"via Nuki Web"))
                return l->text();
        return {};
    }
    void shoot(const QString &name)
    {
        const QString dirName = qEnvironmentVariable("NUKI_SCREENSHOTS");
        if (dirName.isEmpty())
            return;
        QDir().mkpath(dirName);
        window->grab().save(dirName + QStringLiteral("/web-") + name + QStringLiteral(".png"));
    }

private slots:
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", dir->filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setApplicationName(QStringLiteral("nuki-desktop"));
        bridge = std::make_unique<nukisim::SimBridge>(fastSimConfig());
        bridge->setToken(BridgeToken);
        nukisim::SimDevice front;
        front.deviceType = 4;
        front.nukiId = FrontNukiId;
        front.name = QStringLiteral("Front door");
        bridge->setDevices({front});
        QVERIFY(bridge->listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        web = std::make_unique<nukisim::SimWeb>();
        web->addHousehold();
        web->addToken(WebToken,
                      {QStringLiteral("smartlock.readOnly"), QStringLiteral("smartlock.action"),
                       QStringLiteral("smartlock.log")},
                      QStringLiteral("Desk"));
        QVERIFY(web->start());
    }
    void cleanup()
    {
        window.reset();
        app.reset();
        settings.reset();
        web.reset();
        bridge.reset();
        dir.reset();
    }

    void oneCardTheCloudsOwnViaNukiWebAndAnnaInTheHistory()
    {
        // While the app was not running: Anna unlocked the front door with her keypad code.
        nukisim::SimWeb::LogEntry anna;
        anna.smartlockId = FrontId;
        anna.deviceType = 4;
        anna.name = QStringLiteral("Anna");
        anna.action = 1;
        anna.trigger = 255;
        anna.source = 1;
        anna.date = QDateTime::currentDateTimeUtc().addSecs(-600);
        anna.visibleAt = anna.date;
        web->addLog(anna);

        // The account as the assistant or `nukictl add-web` keeps it: the token in the
        // keychain, the address and the CA in the settings.
        settings = std::make_unique<Settings>(settingsFile());
        WebConfig wc;
        wc.apiUrl = web->url();
        wc.caFile = web->caFile();
        settings->setWebAccount(wc);
        const QString bridgeId = QString::number(bridge->config().serverId, 16);
        settings->upsertBridge(
            {bridgeId, QStringLiteral("Hall bridge"), QStringLiteral("127.0.0.1"), bridge->port()});
        settings->sync();
        SecretStore secrets;
        bool stored = false, written = false;
        secrets.write(wc.id, QString::fromLatin1(WebToken), [&](bool ok, const QString &) {
            stored = ok;
            written = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
        QVERIFY(stored);
        written = false;
        secrets.write(bridgeId, BridgeToken, [&](bool, const QString &) { written = true; });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);

        app = std::make_unique<AppController>(settings.get(), false);
        window = std::make_unique<MainWindow>(app.get());
        app->startHistory(Journal::pathFor(settingsFile()));
        app->start();
        window->show();
        // Three cards: the front door once (the bridge and the cloud reach it), and the
        // cloud's own two.
        QTRY_COMPARE_WITH_TIMEOUT(window->deviceList()->cards().size(), 3, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(app->home()->device({FrontNukiId, 4})->reachedThrough.size(), 2,
                                  10000);
        QCOMPARE(app->home()->actingSource({FrontNukiId, 4})->kind(), SourceKind::Bridge);
        DeviceCard *cellar = window->deviceList()->card({0x1A2B3C4Du, 0});
        QVERIFY(cellar);
        QTRY_VERIFY_WITH_TIMEOUT(ageText(cellar).startsWith(u"via Nuki Web · as of "), 5000);
        QVERIFY(cellar->accessibleDescription().contains(u"via Nuki Web"));
        QVERIFY(ageText(window->deviceList()->card({FrontNukiId, 4})).isEmpty());
        for (const char *palette : {"light", "dark"}) {
            QApplication::setPalette(qstrcmp(palette, "dark") == 0 ? darkPalette() : QPalette());
            for (int width : {420, 1100}) {
                window->resize(width, 700);
                QTest::qWait(50); // a paint for the screenshot, not a synchronisation
                shoot(QStringLiteral("%1-%2").arg(QLatin1StringView(palette)).arg(width));
            }
        }
        QApplication::setPalette(QPalette());

        // Anna's unlock, from the cloud's log, in the history with her name.
        QTRY_VERIFY_WITH_TIMEOUT(app->journal(), 5000);
        window->openHistory(DeviceKey{});
        HistoryWindow *h = window->historyWindow();
        QVERIFY(h);
        QString line;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                h->model()->reload();
                for (int r = 0; r < h->model()->rowCount(); ++r) {
                    const QString t =
                        h->model()->index(r).data(HistoryModel::EventTextRole).toString();
                    if (t.contains(u"Anna"))
                        line = t;
                }
                return !line.isEmpty();
            }(),
            10000);
        QVERIFY2(line.contains(u"Front door: Unlock by Anna with a keypad code (from Nuki Web)"),
                 qPrintable(line));
        bool inCli = false;
        for (const QJsonValue &v : nukictlHistory())
            if (v.toObject().value(QStringLiteral("how")).toString().contains(u"by Anna"))
                inCli = true;
        QVERIFY(inCli);
        // Read again later: still one entry.
        int annas = 0;
        for (const QJsonValue &v : nukictlHistory())
            annas += v.toObject().value(QStringLiteral("how")).toString().contains(u"by Anna");
        QCOMPARE(annas, 1);
    }

    void theAssistantsThirdPath()
    {
        // The address and CA of the simulated cloud as a proxy's would be kept; no token yet.
        settings = std::make_unique<Settings>(settingsFile());
        WebConfig wc;
        wc.apiUrl = web->url();
        wc.caFile = web->caFile();
        settings->setWebAccount(wc);
        settings->sync();
        app = std::make_unique<AppController>(settings.get(), false);
        SetupWizard w(app.get());
        w.show();
        w.findChild<QRadioButton *>(QStringLiteral("webPath"))->click();
        w.next();
        auto *page = qobject_cast<WebPage *>(w.currentPage());
        QVERIFY(page);
        auto *token = page->findChild<QLineEdit *>();
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QPushButton *test = nullptr;
        for (auto *b : page->findChildren<QPushButton *>())
            if (b->text().contains(u"Test"))
                test = b;
        QVERIFY(test);
        // A wrong token: said in words, and Finish stays off.
        token->setText(QStringLiteral("wrong"));
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 10000);
        QVERIFY(!page->isComplete());
        QString said;
        for (QLabel *l : page->findChildren<QLabel *>())
            said += l->text();
        QVERIFY2(said.contains(u"does not accept this token"), qPrintable(said));
        token->setText(QString::fromLatin1(WebToken));
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->isComplete(), 10000);
        said.clear();
        for (QLabel *l : page->findChildren<QLabel *>())
            said += l->text();
        // "3 device(s)" without the app's translations installed, "3 devices" with them.
        QVERIFY2(said.contains(u"3 device") && said.contains(u"Front door"), qPrintable(said));
        if (const QString d = qEnvironmentVariable("NUKI_SCREENSHOTS"); !d.isEmpty())
            w.grab().save(d + QStringLiteral("/web-wizard.png"));
        w.accept();
        // The token in the keychain, not in the settings; the account a source of the home.
        QTRY_VERIFY_WITH_TIMEOUT(app->home()->source(QStringLiteral("web")), 5000);
        QFile file(settingsFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(WebToken));
        SecretStore secrets;
        std::optional<QString> kept;
        secrets.read(QStringLiteral("web"),
                     [&](bool, const QString &t, const QString &) { kept = t; });
        QTRY_VERIFY_WITH_TIMEOUT(kept.has_value(), 10000);
        QCOMPARE(*kept, QString::fromLatin1(WebToken));
    }
};

QTEST_MAIN(TestWebE2E)
#include "tst_web_e2e.moc"
