/* TEST-ONLY shim for Wine 8 (Debian 12), never shipped: Rust's std (>= 1.78) imports
 * ProcessPrng from bcryptprimitives.dll, which Windows 10+ has and Wine 8 lacks. This
 * one-function DLL, placed next to the .exe under test, forwards it to RtlGenRandom
 * (SystemFunction036 in advapi32). Built by scripts/windows/wine-check.sh. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
