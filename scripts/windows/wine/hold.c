/* TEST-ONLY helper for the Wine checks (scripts/windows/wine-check.sh), never shipped: holds a
 * file open the way Excel holds a workbook it shows (no sharing with other programs), writes
 * the marker file once it holds it, and lets go when the marker is deleted (or after 120 s).
 * Usage: hold.exe <file> <marker> */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fwprintf(stderr, L"usage: hold.exe <file> <marker>\n");
        return 2;
    }
    HANDLE held = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (held == INVALID_HANDLE_VALUE) {
        fwprintf(stderr, L"hold.exe: cannot open %ls (error %lu)\n", argv[1], GetLastError());
        return 1;
    }
    HANDLE marker = CreateFileW(argv[2], GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE,
                                NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (marker == INVALID_HANDLE_VALUE) {
        CloseHandle(held);
        return 1;
    }
    CloseHandle(marker);
    for (int i = 0; i < 1200 && GetFileAttributesW(argv[2]) != INVALID_FILE_ATTRIBUTES; i++)
        Sleep(100);
    CloseHandle(held);
    return 0;
}
