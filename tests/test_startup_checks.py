"""Start-up checks: missing Qt system libraries are named with the packages to install before Qt
fails, and `--self-test` proves a program (built or not) opens its first window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from ui.system_libraries import (
    check_before_qt,
    install_advice,
    missing_from_ldd,
    missing_xcb_libraries,
)

LDD_SAMPLE = textwrap.dedent("""\
    linux-vdso.so.1 (0x00007ffd5a9e1000)
    libxcb-cursor.so.0 => not found
    libQt6Gui.so.6 => /opt/Qt/lib/libQt6Gui.so.6 (0x00007f)
    libxcb-icccm.so.4 => not found
    libxcb-cursor.so.0 => not found
""")


def test_ldd_output_gives_each_missing_library_once():
    assert missing_from_ldd(LDD_SAMPLE) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]


def test_the_advice_names_the_debian_and_fedora_packages():
    text = install_advice(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libunheard-of.so.9"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in text
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in text
    assert "libunheard-of.so.9" in text.splitlines()[-1]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("gcc") or not shutil.which("ldd"),
                    reason="needs Linux with gcc and ldd to build a plugin with a missing library")
def test_a_plugin_linked_to_an_absent_library_is_reported(tmp_path):
    (tmp_path / "gone.c").write_text("int gone(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int gone(void); int use(void) { return gone(); }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(tmp_path / "libvettinggone.so.1"), str(tmp_path / "gone.c"),
                    "-Wl,-soname,libvettinggone.so.1"], check=True)
    (tmp_path / "libvettinggone.so").symlink_to("libvettinggone.so.1")
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (tmp_path / "Qt" / "lib").mkdir()
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(platforms / "libqxcb.so"), str(tmp_path / "plugin.c"),
                    f"-L{tmp_path}", "-lvettinggone"], check=True)
    (tmp_path / "libvettinggone.so.1").unlink()
    assert missing_xcb_libraries(qt_dir=tmp_path / "Qt") == ["libvettinggone.so.1"]


def test_offscreen_and_wayland_are_not_checked():
    assert check_before_qt({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) is None
    assert check_before_qt({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists on Linux only")
def test_the_workbench_says_what_to_install_instead_of_crashing_when_xcb_libraries_are_missing(tmp_path):
    missing = missing_xcb_libraries()
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=":97", VETTING_HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "ui.app"], capture_output=True, text=True, env=env, timeout=120)
    if missing:
        assert r.returncode == 3
        assert "sudo apt-get install" in r.stderr and "Traceback" not in r.stderr
        for name in missing:
            assert name in r.stderr
    else:  # a fully equipped machine: Qt gets past the libraries and fails only for want of a display
        assert "not installed on this computer" not in r.stderr


def test_self_test_opens_the_first_window_offscreen_with_the_engine_loaded(tmp_path):
    shot = tmp_path / "first-window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VETTING_HOME=str(tmp_path / "home"))
    r = subprocess.run([sys.executable, "-m", "ui.app", f"--self-test={shot}"], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "self-test: window shown: FirstRunDialog" in r.stdout
    assert "self-test ok: FirstRunDialog 'Vetting Workbench — first start' shown" in r.stdout
    assert shot.stat().st_size > 1000
