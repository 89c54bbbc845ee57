@echo off
rem dr launcher of the release archive (Windows): runs lib\dr.jar with %JAVA_HOME%\bin\java or the java on the
rem PATH and passes its exit code through. DR_JAVA_OPTS adds JVM options.
rem Unlike bin/dr it makes no start-up cache, so it has no archive to map at a fixed address either
rem (ArchiveRelocationMode, see bin/dr). dr --help prints the help rendered at build time only where the line
rem separator is the build's: on Windows it takes picocli's normal path.
setlocal
set "DR_HOME=%~dp0.."
set "DR_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "DR_JAVA=%JAVA_HOME%\bin\java.exe"
"%DR_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto %DR_JAVA_OPTS% -jar "%DR_HOME%\lib\dr.jar" %*
exit /b %ERRORLEVEL%
