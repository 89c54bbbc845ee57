@echo off
rem dr launcher of the release archive (Windows): runs lib\dr.jar with %JAVA_HOME%\bin\java or the java on the
rem PATH and passes its exit code through. DR_JAVA_OPTS adds JVM options.
setlocal
set "DR_HOME=%~dp0.."
set "DR_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "DR_JAVA=%JAVA_HOME%\bin\java.exe"
"%DR_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto %DR_JAVA_OPTS% -jar "%DR_HOME%\lib\dr.jar" %*
exit /b %ERRORLEVEL%
