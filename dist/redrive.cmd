@echo off
rem Launcher for sqs-redrive on Windows, the counterpart of bin/redrive (read that one for the reasons behind
rem each flag): the jar in lib\, a Java 21+ to run it with, in this order: the archive's own runtime
rem (runtime\, in the self-contained archive), %REDRIVE_JAVA%, %JAVA_HOME%\bin\java.exe, java on the PATH.
rem   REDRIVE_AOT=off    never use the AOT cache
rem   REDRIVE_JAVA_OPTS  extra JVM options, after the launcher's own: -Xmx4g raises the heap's limit of 1 GiB
rem Untested on Windows by the project's own CI (see docs/BUILDING.md).
setlocal EnableExtensions EnableDelayedExpansion

set "lib=%~dp0..\lib"
if not exist "%lib%\sqs-redrive.jar" (
  echo redrive: sqs-redrive.jar not found in %lib% 1>&2
  exit /b 1
)

set "java="
set "major="
for %%J in ("%~dp0..\runtime\bin\java.exe" "%REDRIVE_JAVA%" "%JAVA_HOME%\bin\java.exe") do (
  if not defined java if not "%%~J"=="" if not "%%~J"=="\bin\java.exe" if exist "%%~J" call :try "%%~J"
)
if not defined java (
  for /f "delims=" %%J in ('where java 2^>nul') do if not defined java call :try "%%J"
)
if not defined java (
  echo redrive: needs Java 21 or newer; set JAVA_HOME or REDRIVE_JAVA to one 1>&2
  exit /b 1
)

rem The quick cache and no heap sizing for commands that never call SQS; see bin/redrive.
set "cache=redrive.aot"
set "young=-Xmn16m -XX:SurvivorRatio=2"
echo( %REDRIVE_JAVA_OPTS% | findstr /r /c:" -Xms" /c:" -Xmn" /c:"NewSize" /c:"SurvivorRatio" >nul && set "young="
set "heap=-Xms32m -Xmx1g %young%"
if "%~1"=="" (set "cache=redrive-quick.aot" & set "heap=")
for %%A in (%*) do (
  for %%Q in (-h --help -V --version help completion) do if /i "%%~A"=="%%Q" (set "cache=redrive-quick.aot" & set "heap=")
)
if "%~1"=="__complete" set "heap="
rem C1 compiles earlier in start only (a client-side move's warm-up); see bin/redrive.
set "jit="
for %%A in (%*) do if /i "%%~A"=="start" set "jit=-XX:CompileThresholdScaling=0.25"
if not "!cache!"=="redrive.aot" set "jit="

set "aot="
if !major! geq 25 if exist "%lib%\!cache!" if /i not "%REDRIVE_AOT%"=="off" (
  set aot=-XX:AOTCache="%lib%\!cache!" -Xlog:aot*=off -Xlog:cds*=off
)
"%java%" %aot% -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %jit% %heap% %REDRIVE_JAVA_OPTS% -jar "%lib%\sqs-redrive.jar" %*
exit /b %ERRORLEVEL%

rem Sets java and major when %1 is a Java 21+ (its release file says which version it is).
:try
set "home=%~dp1.."
set "v="
if exist "%home%\release" (
  for /f "tokens=2 delims==." %%V in ('findstr /b "JAVA_VERSION=" "%home%\release"') do set "v=%%~V"
)
if not defined v exit /b 0
set "v=%v:"=%"
if %v% geq 21 (set "java=%~1" & set "major=%v%")
exit /b 0
