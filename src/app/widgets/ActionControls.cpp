#include "widgets/ActionControls.h"

using namespace nuki;

QList<ActionControl> actionControlsFor(int deviceType)
{
    QList<ActionControl> controls;
    const QList<ActionSpec> &all = actionsFor(deviceType);
    for (const ActionSpec &a : all) {
        if (a.isToggleOff || a.variantOf)
            continue; // part of another control
        ActionControl c;
        c.spec = &a;
        c.toggleOff = a.toggleOff;
        for (const ActionSpec &v : all)
            if (v.variantOf == a.number)
                c.variants << &v;
        if (!c.variants.isEmpty())
            c.variants.prepend(&a);
        controls << c;
    }
    return controls;
}
