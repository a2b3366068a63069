#pragma once

class QWizard;

// Accessible names for the wizard's fields that have no label of their own (a screen reader
// would read "edit" or "list"). Kept apart from the pages' logic: it names widgets by their
// object names and leaves any it does not find.
void nameWizardControls(QWizard *wizard);
