#include "wizard/WizardNames.h"

#include <QCoreApplication>
#include <QWidget>
#include <QWizard>

void nameWizardControls(QWizard *wizard)
{
    struct Name
    {
        const char *object;
        const char *name;
    };
    static const Name names[] = {
        {"bridges", QT_TRANSLATE_NOOP("SetupWizard", "Bridges found on your network")},
        {"host", QT_TRANSLATE_NOOP("SetupWizard", "Bridge address")},
        {"port", QT_TRANSLATE_NOOP("SetupWizard", "Bridge port")},
        {"token", QT_TRANSLATE_NOOP("SetupWizard", "API token")},
        {"countdown", QT_TRANSLATE_NOOP("SetupWizard", "Time left to press the bridge's button")},
        {"devices", QT_TRANSLATE_NOOP("SetupWizard", "Devices of this bridge")},
        {"name", QT_TRANSLATE_NOOP("SetupWizard", "Name for this bridge")},
        {"locks", QT_TRANSLATE_NOOP("SetupWizard", "Locks found on the broker")},
    };
    for (const Name &n : names)
        for (QWidget *w : wizard->findChildren<QWidget *>(QLatin1String(n.object)))
            if (w->accessibleName().isEmpty())
                w->setAccessibleName(QCoreApplication::translate("SetupWizard", n.name));
}
