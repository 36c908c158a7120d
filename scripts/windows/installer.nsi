; Fleksi's Windows installer (NSIS 3, built on Linux by Debian's makensis from
; scripts/windows/build.sh): a per-user install without admin rights into
; %LOCALAPPDATA%\Programs\Fleksi, a Start-menu shortcut, an uninstaller registered under HKCU,
; the license page, and the WebView2 evergreen runtime check Tauri's installer makes (registry
; key of the runtime; when missing the clerk is told where to get it — nothing is downloaded).
;
; makensis -DVERSION=0.1.0 -DSTAGE=<folder with the .exe files> -DROOT=<repo> -DOUTFILE=<setup.exe>

Unicode true
ManifestDPIAware true
Target amd64-unicode
SetCompressor /SOLID lzma

!macro Required NAME
  !ifndef ${NAME}
    !error "Pass -D${NAME}=… (see scripts/windows/build.sh)"
  !endif
!macroend
!insertmacro Required VERSION
!insertmacro Required STAGE
!insertmacro Required ROOT
!insertmacro Required OUTFILE

!define PRODUCT "Fleksi"
!define PUBLISHER "BKPSDM"
!define IDENTIFIER "id.go.bkpsdm.fleksi"
!define MAINEXE "fleksi-app.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define WEBVIEW2GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2URL "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "Software\${PUBLISHER}\${PRODUCT}" ""
RequestExecutionLevel user
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${PRODUCT}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"

!define MUI_ICON "${ROOT}\icons\icon.ico"
!define MUI_UNICON "${ROOT}\icons\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${MAINEXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${ROOT}\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"

; The WebView2 runtime (Windows 10/11 carry it) is found by the version its updater writes,
; per machine or per user — the keys Tauri's own installer reads.
Function WebView2Version
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2GUID}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

Section "WebView2"
  Call WebView2Version
  ${If} $0 == ""
    DetailPrint "Microsoft Edge WebView2 Runtime tidak ditemukan."
    MessageBox MB_ICONEXCLAMATION|MB_OK "Fleksi memerlukan Microsoft Edge WebView2 Runtime, yang belum terpasang di komputer ini.$\r$\n$\r$\nPemasangan Fleksi tetap dilanjutkan. Sebelum membuka Fleksi, pasang WebView2 Runtime (Evergreen) dari:$\r$\n${WEBVIEW2URL}$\r$\n(halaman Microsoft: developer.microsoft.com/microsoft-edge/webview2), atau minta bantuan pengelola TI kantor." /SD IDOK
  ${Else}
    DetailPrint "Microsoft Edge WebView2 Runtime $0 terpasang."
  ${EndIf}
SectionEnd

Section "Fleksi" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\${MAINEXE}"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\fleksi.exe"
  File "/oname=LICENSE.txt" "${ROOT}\LICENSE"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${MAINEXE}" "" "$INSTDIR\${MAINEXE}" 0

  WriteRegStr HKCU "Software\${PUBLISHER}\${PRODUCT}" "" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$\"$INSTDIR\${MAINEXE}$\""
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$\"$INSTDIR$\""
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

; The clerk's data (%APPDATA%\id.go.bkpsdm.fleksi: database, demo files, logs) stays: it is
; theirs, and a reinstall finds it again.
Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\${MAINEXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\fleksi.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${PUBLISHER}\${PRODUCT}"
  DeleteRegKey /ifempty HKCU "Software\${PUBLISHER}"
  DetailPrint "Data Fleksi di $APPDATA\${IDENTIFIER} tidak dihapus."
SectionEnd
