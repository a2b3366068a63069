// The app in German: the system locale picks the translation; window, cards and core texts.
#include "AppController.h"
#include "platform/Translations.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"
#include "window/SettingsDialog.h"
#include "wizard/SetupWizard.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

class TestGerman : public QObject
{
    Q_OBJECT
private slots:
    // First: English is installed under every language and holds the plural forms, so
    // "%n device(s)" never reaches a person. (Translators stay installed for later slots.)
    void englishSaysOneDeviceAndFourDevices()
    {
        nuki::installTranslations(QLocale::c());
        const char *source = "Connected. %1. The token is sent %2. %n device(s):";
        QCOMPARE(QCoreApplication::translate("CheckPage", source, nullptr, 1),
                 QStringLiteral("Connected. %1. The token is sent %2. 1 device:"));
        QCOMPARE(QCoreApplication::translate("CheckPage", source, nullptr, 4),
                 QStringLiteral("Connected. %1. The token is sent %2. 4 devices:"));
        QCOMPARE(QCoreApplication::translate("FindPage", "Looking at %n address(es) on port %1…",
                                             nullptr, 1),
                 QStringLiteral("Looking at 1 address on port %1…"));
    }

    void windowSpeaksGerman()
    {
        QVERIFY(nuki::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        QTemporaryDir dir;
        nuki::Settings settings(dir.filePath(QStringLiteral("s.ini")));
        AppController controller(&settings, true);
        MainWindow window(&controller);
        controller.start();
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.deviceList()->cards().size(), 4, 15000);
        QStringList toolbar;
        for (QAction *a : window.findChild<QToolBar *>()->actions())
            toolbar << a->text().remove(u'&');
        QVERIFY2(toolbar.contains(QStringLiteral("Aktualisieren")), qPrintable(toolbar.join(u',')));
        DeviceCard *front = window.deviceList()->cards().first();
        QStringList buttons;
        for (auto *b : front->findChildren<QPushButton *>())
            buttons << b->text();
        QVERIFY(buttons.contains(QStringLiteral("Verriegeln")));
        QCOMPARE(front->findChild<QLabel *>(QStringLiteral("stateLabel"))->text(),
                 QStringLiteral("Verriegelt"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("demoMark"))->text(),
                 QStringLiteral("DEMO — simulierte Bridge"));
        window.grab().save(qEnvironmentVariable("NUKI_SCREENSHOTS") +
                           QStringLiteral("/german-window.png"));
    }

    void qtsOwnButtonsSpeakGerman()
    {
        // Qt's own strings come from qtbase_de.qm (qt6-translations-l10n), loaded with ours.
        QVERIFY(nuki::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        QTemporaryDir dir;
        nuki::Settings settings(dir.filePath(QStringLiteral("s.ini")));
        AppController controller(&settings, true);
        SettingsDialog dialog(&controller);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(box);
        QCOMPARE(box->button(QDialogButtonBox::Cancel)->text().remove(u'&'),
                 QStringLiteral("Abbrechen"));
        QCOMPARE(box->button(QDialogButtonBox::Ok)->text().remove(u'&'), QStringLiteral("OK"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(qEnvironmentVariable("NUKI_SCREENSHOTS") +
                           QStringLiteral("/german-settings.png"));

        SetupWizard wizard(&controller);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.button(QWizard::NextButton)->text().remove(u'&'),
                 QStringLiteral("Weiter >"));
        QCOMPARE(wizard.button(QWizard::CancelButton)->text().remove(u'&'),
                 QStringLiteral("Abbrechen"));
        wizard.next();
        QCOMPARE(wizard.button(QWizard::BackButton)->text().remove(u'&'),
                 QStringLiteral("< Zurück"));
    }

    void commandLineSpeaksGerman()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("NUKICTL"), {QStringLiteral("frobnicate")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("Unbekannter Befehl"));
    }
};

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
