#include "widgets/ActionControls.h"

using namespace nuki;

QList<ActionControl> actionControlsFor(int deviceType)
{
    QList<ActionControl> controls;
    const QList<ActionSpec> &all = actionsFor(deviceType);
    for (const ActionSpec &a : all) {
        if (a.isToggleOff || a.variantOf)
            continue; // part of another control
        if (a.onlyThroughBroker)
            continue; // full lock: nukictl only for now (the card does not know the source)
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
