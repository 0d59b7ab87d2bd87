#!/usr/bin/python3
"""DocGen's bridge to one warm LibreOffice (started by DocGen.Worker's PdfConverter).

Starts soffice.bin headless with its own profile, connects over a UNO pipe and converts
Word documents to PDF/A-2b on request, one JSON line in, one JSON line out:
  <- {"id": 1, "docx": "/abs/x.docx", "pdf": "/abs/x.pdf", "title": "..."}
  -> {"id": 1, "ok": true, "ms": 142.0}     or {"id": 1, "ok": false, "error": "..."}
The first line written is {"event": "ready", "version": "7.4", "ms": ...}. A converter that can
no longer work writes {"event": "fatal", "error": "..."} and exits; DocGen starts another.

Its profile is a copy of the pool's initialised one (made once per pool by the first converter to
start, see prepare_profile): no converter pays for building a profile, nor for the restart
LibreOffice asks for after making one.

Nothing is left running: LibreOffice gets SIGKILL when this process dies (parent-death signal),
and this process exits when DocGen's end of stdin closes or DocGen dies (its parent changes).
"""
import ctypes
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
RESTART_REQUESTED = 81  # soffice.bin asks to be started again after creating a fresh profile


def out(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


LIBC = ctypes.CDLL("libc.so.6", use_errno=True)  # loaded before any fork: the child only calls into it


def die_with_parent(bridge):
    """Runs in the forked child before exec: SIGKILL when this bridge dies, however it dies."""
    def arm():
        LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != bridge:  # the bridge died before the signal was armed
            os._exit(1)
    return arm


def start_office(program, profile, pipe):
    log = open(os.path.join(profile, "soffice.log"), "ab")  # its messages, for the failure report
    try:
        return subprocess.Popen(
            [os.path.join(program, "soffice.bin"),
             "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             "--nofirststartwizard", "-env:UserInstallation=" + file_url(profile),
             "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            preexec_fn=die_with_parent(os.getpid()), process_group=0, close_fds=True)
    finally:
        log.close()


def setup_version(program):
    """The installation's major.minor version (e.g. 7.4), from its registry; None if it cannot be read."""
    try:
        with open(os.path.join(program, os.pardir, "share", "registry", "main.xcd"), encoding="utf-8") as registry:
            found = re.search(r'oor:name="ooSetupVersion">\s*<value>([0-9.]+)</value>', registry.read())
        return found.group(1) if found else None
    except OSError:
        return None


def seed_profile(program, profile):
    """A new profile that has already "seen" this version: headless LibreOffice otherwise runs its
    graphics render tests at every start (they run while the version looks new, and only the GUI
    records that it has been seen), ~3 s of a converter's start on a 2-core machine."""
    user = os.path.join(profile, "user")
    os.makedirs(user, exist_ok=True)
    version = setup_version(program)
    if version:
        with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as xcu:
            xcu.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                      'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                      '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">'
                      '<value>%s</value></prop></item>\n</oor:items>\n' % version)


TEMPLATE_BUILD_SECONDS = 20  # a template that takes longer is given up for this pool: converters then build their own


def prepare_profile(program, template, profile, deadline):
    """This converter's profile: a copy of the pool's initialised template, which the first
    converter to get here builds (seeded, then started once by LibreOffice with
    --terminate_after_init, at most TEMPLATE_BUILD_SECONDS) while the others wait on its lock. If
    building it fails, a marker says so and no converter of this pool tries again: each starts
    from a seeded profile of its own, which LibreOffice completes with one restart (slower, not
    failing; the reason goes to this converter's soffice.log)."""
    if os.path.exists(profile):
        return
    failed = template + ".failed"
    try:
        with open(template + ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if os.path.exists(failed):
                raise RuntimeError("the pool's profile could not be built before")
            if not os.path.isdir(template):
                building = template + ".building"
                shutil.rmtree(building, ignore_errors=True)
                try:
                    seed_profile(program, building)
                    init = subprocess.run(
                        [os.path.join(program, "soffice.bin"), "--headless", "--invisible", "--nologo", "--norestore",
                         "--nodefault", "--nolockcheck", "--nofirststartwizard",
                         "-env:UserInstallation=" + file_url(building), "--terminate_after_init"],
                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                        preexec_fn=die_with_parent(os.getpid()), close_fds=True,
                        timeout=max(1.0, min(TEMPLATE_BUILD_SECONDS, (deadline - time.monotonic()) / 2)))
                    if init.returncode != 0:
                        raise RuntimeError("profile initialisation exited with %d" % init.returncode)
                    os.rename(building, template)
                except Exception:
                    shutil.rmtree(building, ignore_errors=True)
                    open(failed, "w").close()
                    raise
        shutil.copytree(template, profile)
    except Exception as error:  # a slower start, not a failure: the converter makes its own profile
        shutil.rmtree(profile, ignore_errors=True)
        seed_profile(program, profile)
        with open(os.path.join(profile, "soffice.log"), "a") as log:
            log.write("DocGen: started without the pool's initialised profile (%s)\n" % error)


def office_log(profile):
    try:
        with open(os.path.join(profile, "soffice.log"), "rb") as log:
            tail = log.read()[-400:].decode("utf-8", "replace").strip()
            return (": " + tail.replace("\n", " | ")) if tail else ""
    except OSError:
        return ""


def file_url(path):
    import uno
    return uno.systemPathToFileUrl(os.path.abspath(path))


def pipe_name():
    return "docgen-%d" % os.getpid()


def pipe_socket():
    """Where LibreOffice makes the pipe's socket: always /tmp (its PIPEDEFAULTPATH), whatever TMPDIR says."""
    return "/tmp/OSL_PIPE_%d_%s" % (os.getuid(), pipe_name())


def single_instance_sockets(office):
    """LibreOffice's single-instance sockets (/tmp/OSL_PIPE_<uid>_SingleOfficeIPC_<hash of the
    profile>), found as the sockets its process group has bound under that name: LibreOffice leaves
    them behind when it is killed, so the bridge removes them once it has killed it."""
    prefix = "/tmp/OSL_PIPE_%d_SingleOfficeIPC_" % os.getuid()
    inodes = set()
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) != office.pid:
                continue
            for fd in os.listdir("/proc/%s/fd" % pid):
                target = os.readlink("/proc/%s/fd/%s" % (pid, fd))
                if target.startswith("socket:["):
                    inodes.add(target[len("socket:["):-1])
        except OSError:
            continue
    paths = []
    try:
        with open("/proc/net/unix") as table:
            next(table, None)
            for line in table:
                fields = line.split()
                if len(fields) >= 8 and fields[6] in inodes and fields[7].startswith(prefix):
                    paths.append(fields[7])
    except OSError:
        pass
    return paths


def connect(program, profile, template, deadline, parent):
    """Starts LibreOffice and returns (process, desktop) once it answers over the pipe."""
    import uno
    pipe = pipe_name()
    prepare_profile(program, template, profile, deadline)
    office = start_office(program, profile, pipe)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        code = office.poll()
        if code == RESTART_REQUESTED:
            office = start_office(program, profile, pipe)
        elif code is not None:
            raise RuntimeError("LibreOffice exited with code %d while starting%s" % (code, office_log(profile)))
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            return office, context, desktop
        except Exception:  # not listening yet, or an instance that answered and then restarted (exit 81)
            if os.getppid() != parent:  # DocGen died while LibreOffice was starting: nothing to wait for
                kill(office)
                raise RuntimeError("DocGen stopped while LibreOffice was starting")
            if time.monotonic() > deadline:
                kill(office)
                raise RuntimeError("LibreOffice did not answer in time%s" % office_log(profile))
            time.sleep(0.05)


def prop(name, value):
    from com.sun.star.beans import PropertyValue
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def office_version(context):
    try:
        provider = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", "/org.openoffice.Setup/Product"),))
        return access.getByName("ooSetupVersionAboutBox")
    except Exception:  # the version is for the log only
        return "unknown"


def convert(desktop, docx, pdf, title):
    import uno
    document = desktop.loadComponentFromURL(file_url(docx), "_blank", 0, (
        prop("Hidden", True),
        prop("ReadOnly", True),
        prop("FilterName", "MS Word 2007 XML"),  # Word only: no guessing another format from the bytes
        prop("MacroExecutionMode", 0),  # NEVER_EXECUTE
        prop("UpdateDocMode", 0),       # NO_UPDATE: no links are followed
    ))
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        if title:
            document.getDocumentProperties().Title = title
        filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", (
            prop("SelectPdfVersion", 2),    # PDF/A-2b
            prop("UseTaggedPDF", True),
            prop("EmbedStandardFonts", True),
            prop("ExportBookmarks", True),
            prop("ExportNotes", False),
            prop("ReduceImageResolution", False),
        ))
        uno.invoke(document, "storeToURL", (file_url(pdf), (
            prop("FilterName", "writer_pdf_Export"),
            prop("FilterData", filter_data),
        )))
    finally:
        document.close(True)


def responsive(office, desktop):
    """Whether LibreOffice still works after a failed conversion (or the failure was its death)."""
    if office.poll() is not None:
        return False
    try:
        desktop.getComponents()
        return True
    except Exception:
        return False


def watch_parent(parent, office_ref):
    """DocGen died (this process was handed to another parent): stop LibreOffice and exit."""
    while True:
        if os.getppid() != parent:
            kill(office_ref[0])
            os._exit(4)
        time.sleep(0.5)


def kill(office):
    if office is not None and office.poll() is None:
        try:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass


def main():
    program, profile, start_timeout, template = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    parent = os.getppid()
    os.setsid()  # out of the terminal's process group: Ctrl+C reaches DocGen, which stops us
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    office_ref = [None]
    started = time.monotonic()
    try:
        office, context, desktop = connect(program, profile, template, started + start_timeout, parent)
    except Exception as error:
        out({"event": "fatal", "error": str(error)})
        try:
            os.unlink(pipe_socket())
        except OSError:
            pass
        return 3
    office_ref[0] = office
    sockets = [pipe_socket()] + single_instance_sockets(office)
    # Started only now: forking LibreOffice (above) from a process with a second thread is unsafe.
    threading.Thread(target=watch_parent, args=(parent, office_ref), daemon=True).start()
    out({"event": "ready", "version": office_version(context), "ms": (time.monotonic() - started) * 1000})
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            if office.poll() is not None:
                out({"id": request.get("id"), "ok": False, "error": "LibreOffice exited (code %s)" % office.returncode})
                out({"event": "fatal", "error": "LibreOffice exited"})
                return 3
            began = time.monotonic()
            try:
                convert(desktop, request["docx"], request["pdf"], request.get("title"))
                out({"id": request["id"], "ok": True, "ms": (time.monotonic() - began) * 1000})
            except Exception as error:
                out({"id": request["id"], "ok": False, "error": "%s: %s" % (type(error).__name__, error)})
                if not responsive(office, desktop):
                    out({"event": "fatal", "error": "LibreOffice stopped answering"})
                    return 3
        return 0
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        kill(office)
        for socket_path in sockets:  # LibreOffice leaves its sockets behind when it is killed
            try:
                os.unlink(socket_path)
            except OSError:
                pass


if __name__ == "__main__":
    sys.exit(main())
