# Install layout (GNUInstallDirs) and the Linux packages (CPack: .deb, .rpm, .tar.gz).
include(GNUInstallDirs)

install(FILES resources/nuki-desktop.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES resources/nuki-desktop.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo
        RENAME io.github.nukidesktop.nukidesktop.metainfo.xml)
install(FILES resources/icons/nuki-desktop.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 22 24 32 48 64 128 256)
  install(FILES resources/icons/nuki-desktop-${size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME nuki-desktop.png)
endforeach()
# Debian wants a copyright file and a changelog in the package's doc folder.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/doc/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/doc
  COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/packaging/changelog > ${CMAKE_BINARY_DIR}/doc/changelog.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog)
add_custom_target(changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/doc/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/doc/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

foreach(page nuki-desktop nukictl nuki-bridge-sim)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/man/${page}.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/resources/man/${page}.1 > ${CMAKE_BINARY_DIR}/man/${page}.1.gz
    DEPENDS ${CMAKE_SOURCE_DIR}/resources/man/${page}.1)
  list(APPEND NUKI_MAN_PAGES ${CMAKE_BINARY_DIR}/man/${page}.1.gz)
endforeach()
add_custom_target(manpages ALL DEPENDS ${NUKI_MAN_PAGES})
install(FILES ${NUKI_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_PACKAGE_NAME nuki-desktop)
set(CPACK_PACKAGE_VENDOR "The Nuki Desktop developers")
set(CPACK_PACKAGE_CONTACT "Nuki Desktop developers <nuki-desktop@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop client for Nuki Smart Locks and Openers")
set(CPACK_PACKAGE_DESCRIPTION "Nuki Desktop controls Nuki Smart Locks, Openers and door
sensors through a Nuki Bridge's local HTTP API: a device list that stays
fresh, lock, unlock, open and lock 'n' go, a system tray icon with
notifications, the nukictl command line, and nuki-bridge-sim, a simulated
bridge for tests and demos.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/nuki-desktop/nuki-desktop")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB;RPM;TGZ")
set(CPACK_PACKAGE_FILE_NAME "nuki-desktop-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
# Runtime dependencies are computed from the binaries, not guessed.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A plugin no binary links to, so shlibdeps cannot see it: the history's SQLite driver.
# (Added to what shlibdeps computes.)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# Not needed to run, but wanted: a keychain service and its library, Qt's own translations
# (OK/Cancel in the person's language) and Qt's Wayland backend (else it runs through XWayland).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring | kwalletmanager, libsecret-1-0, qt6-translations-l10n, qt6-wayland")
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "MIT")
# Without this the .rpm carries CPack's placeholder text instead of the description.
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_URL "${CPACK_PACKAGE_HOMEPAGE_URL}")
# No weak dependencies in the .rpm: CMake 3.25's CPack drops Suggests/Recommends when its probe
# (`rpm --suggests`) fails, as it does with Debian's rpm 4.18.
# The licence text is marked as such (%license), as rpmlint and distributions expect.
set(CPACK_RPM_USER_FILELIST "%license /usr/${CMAKE_INSTALL_DOCDIR}/copyright") # CPack RPM installs under /usr
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/man /usr/share/man/man1 /usr/share/doc)

# Windows (NSIS) and macOS (bundle + DragNDrop) are configured but built elsewhere: see
# packaging/README.md for the exact steps and what is untested.
if(WIN32)
  set(CPACK_GENERATOR "NSIS;ZIP")
  set(CPACK_NSIS_DISPLAY_NAME "Nuki Desktop")
  set(CPACK_NSIS_PACKAGE_NAME "Nuki Desktop")
  set(CPACK_NSIS_MUI_ICON ${CMAKE_SOURCE_DIR}/packaging/windows/nuki-desktop.ico)
  set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Nuki Desktop.lnk' '$INSTDIR\\\\bin\\\\nuki-desktop.exe'")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_DMG_VOLUME_NAME "Nuki Desktop")
endif()
include(CPack)
