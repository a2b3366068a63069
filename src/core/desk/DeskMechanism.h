#pragma once

#include <QString>

namespace nuki::desk {

class Logind;
class ScreenSavers;

// How this desktop says its screen locked, in words (Settings → Automations, nukictl):
// "logind (session c1: LockedHint, Lock), org.xfce.ScreenSaver", or none and what to do.
QString mechanismText(const Logind *logind, const ScreenSavers *savers);

} // namespace nuki::desk
