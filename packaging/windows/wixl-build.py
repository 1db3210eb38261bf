#!/usr/bin/env python3
"""Builds the CQRS Desktop MSI on Linux with wixl, from the same WiX source CPack uses on Windows.

CI cannot run the WiX toolset, but wixl (msitools) can build an MSI whose tables a test reads
back with msiinfo. wixl implements a subset of WiX 3, so this script bridges the gap:

* CPack's role: it writes cpack_variables.wxi from --define, and stands in for CPack's
  harvested files with a "ProductFeature" holding every file under --payload (the Linux
  build outputs, renamed as the Windows files they stand for).
* wixl's gaps: it rejects Component/Condition and FeatureRef, ignores Property/@Secure,
  RegistryKey/@ForceDeleteOnUninstall and MajorUpgrade/@AllowSameVersionUpgrades, and leaves
  a trailing backslash on the key of a value written straight into a RegistryKey. The script
  removes those attributes and elements from the copy wixl reads and writes their MSI-table
  equivalents (Component.Condition, SecureCustomProperties, a "-" Registry row, an inclusive
  upper version, the trimmed key) with msibuild, so the tables say what the WiX-built ones say.
"""

import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

WIX = "http://schemas.microsoft.com/wix/2006/wi"
CPACK_INCLUDE = "<?include cpack_variables.wxi ?>"
NS = {"wix": WIX}
REGISTRY_ROOTS = {"HKCR": 0, "HKCU": 1, "HKLM": 2, "HKU": 3}
MSIDB_UPGRADE_ATTRIBUTES_VERSION_MAX_INCLUSIVE = 512
UPGRADE_COLUMNS = ["UpgradeCode", "VersionMin", "VersionMax", "Language", "Attributes", "Remove",
                   "ActionProperty"]


def tag(name):
    return f"{{{WIX}}}{name}"


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def identifier(text):
    """A WiX/MSI identifier made from a path: letters, digits, '_' and '.' only."""
    return re.sub(r"[^A-Za-z0-9_.]", "_", text)


class WixlGaps:
    """What wixl cannot express, taken out of the source and kept as MSI-table edits."""

    def __init__(self):
        self.conditions = {}  # component id -> condition
        self.secure_properties = []
        self.removed_keys = []  # (root, key, component id)
        self.same_version_upgrades = False

    def take_from(self, root):
        for component in root.iter(tag("Component")):
            for condition in component.findall("wix:Condition", NS):
                self.conditions[component.get("Id")] = condition.text.strip()
                component.remove(condition)
            for key in component.iter(tag("RegistryKey")):
                if key.attrib.pop("ForceDeleteOnUninstall", "no") == "yes":
                    self.removed_keys.append(
                        (key.get("Root"), key.get("Key"), component.get("Id")))
        for prop in root.iter(tag("Property")):
            if prop.attrib.pop("Secure", "no") == "yes":
                self.secure_properties.append(prop.get("Id"))
        for upgrade in root.iter(tag("MajorUpgrade")):
            allow = upgrade.attrib.pop("AllowSameVersionUpgrades", "no")
            self.same_version_upgrades = allow == "yes"

    def queries(self, existing_secure, keys_with_trailing_backslash, upgrade_rows):
        if self.same_version_upgrades:
            yield from same_version_upgrade_queries(upgrade_rows)
        for key in keys_with_trailing_backslash:
            trimmed = key.rstrip("\\")
            yield (f"UPDATE `Registry` SET `Key` = {sql_string(trimmed)} "
                   f"WHERE `Key` = {sql_string(key)}")
        for component, condition in self.conditions.items():
            yield (f"UPDATE `Component` SET `Condition` = {sql_string(condition)} "
                   f"WHERE `Component` = {sql_string(component)}")
        for index, (root, key, component) in enumerate(self.removed_keys):
            yield ("INSERT INTO `Registry` (`Registry`, `Root`, `Key`, `Name`, `Component_`) "
                   f"VALUES ('RemoveKey{index}', {REGISTRY_ROOTS[root]}, {sql_string(key)}, '-', "
                   f"{sql_string(component)})")
        secure = ";".join(existing_secure + self.secure_properties)
        if existing_secure:
            yield (f"UPDATE `Property` SET `Value` = {sql_string(secure)} "
                   "WHERE `Property` = 'SecureCustomProperties'")
        else:
            yield ("INSERT INTO `Property` (`Property`, `Value`) "
                   f"VALUES ('SecureCustomProperties', {sql_string(secure)})")


def same_version_upgrade_queries(upgrade_rows):
    """Makes the row that finds older versions find the same version too. Attributes is part
    of the Upgrade table's primary key, so the row is replaced rather than updated."""
    for row in upgrade_rows:
        if row[6] != "WIX_UPGRADE_DETECTED":
            continue
        row = list(row)
        row[4] = str(int(row[4]) | MSIDB_UPGRADE_ATTRIBUTES_VERSION_MAX_INCLUSIVE)
        columns = [(name, value) for name, value in zip(UPGRADE_COLUMNS, row) if value]
        names = ", ".join(f"`{name}`" for name, _ in columns)
        values = ", ".join(value if name == "Attributes" else sql_string(value)
                           for name, value in columns)
        yield "DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'"
        yield f"INSERT INTO `Upgrade` ({names}) VALUES ({values})"


def write_cpack_variables(path, defines):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<Include>"]
    lines += [f'  <?define {name}="{value}"?>' for name, value in defines.items()]
    lines.append("</Include>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_stand_in_payload(path, payload, install_dir_name):
    """Mirrors CPack's directories.wxs and files.wxs: INSTALL_ROOT under ProgramFiles64Folder,
    subfolders as CM_DP_<path>, one component per file. Returns the component ids.
    File sources are relative to path's folder: wixl refuses absolute ones."""
    wix = ET.Element(tag("Wix"))
    fragment = ET.SubElement(wix, tag("Fragment"))
    targetdir = ET.SubElement(fragment, tag("Directory"), Id="TARGETDIR", Name="SourceDir")
    program_files = ET.SubElement(targetdir, tag("Directory"), Id="ProgramFiles64Folder")
    folders = {pathlib.Path("."): ET.SubElement(program_files, tag("Directory"),
                                                Id="INSTALL_ROOT", Name=install_dir_name)}
    components = []
    for file in sorted(p for p in payload.rglob("*") if p.is_file()):
        relative = file.relative_to(payload)
        for parent in reversed(relative.parents[:-1]):
            if parent not in folders:
                folders[parent] = ET.SubElement(folders[parent.parent], tag("Directory"),
                                                Id=identifier(f"CM_DP_{parent.as_posix()}"),
                                                Name=parent.name)
        component_id = identifier(f"CM_C_{relative.as_posix()}")
        component = ET.SubElement(folders[relative.parent], tag("Component"),
                                  Id=component_id, Guid="*", Win64="yes")
        ET.SubElement(component, tag("File"), Id=identifier(f"CM_FP_{relative.as_posix()}"),
                      Source=(payload.name / relative).as_posix(), Name=file.name,
                      KeyPath="yes")
        components.append(component_id)
    ET.ElementTree(wix).write(path, encoding="utf-8", xml_declaration=True)
    return components


def replace_product_feature_ref(root, components):
    """wixl has no FeatureRef: put the stand-in ProductFeature where the source refers to it."""
    product = root.find("wix:Product", NS)
    for index, child in enumerate(list(product)):
        if child.tag == tag("FeatureRef") and child.get("Id") == "ProductFeature":
            feature = ET.Element(tag("Feature"), Id="ProductFeature", Level="1",
                                 Title="CQRS Desktop")
            for component in components:
                ET.SubElement(feature, tag("ComponentRef"), Id=component)
            product.remove(child)
            product.insert(index, feature)
            return
    sys.exit("wixl-build: the WiX source has no <FeatureRef Id=\"ProductFeature\"/>")


def run(command, cwd=None):
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"wixl-build: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def table_rows(msi, table):
    """The rows of an MSI table, skipping msiinfo's three header lines."""
    lines = run(["msiinfo", "export", str(msi), table]).splitlines()[3:]
    return [line.split("\t") for line in lines]


def secure_custom_properties(msi):
    for name, value in table_rows(msi, "Property"):
        if name == "SecureCustomProperties":
            return value.split(";")
    return []


def keys_with_trailing_backslash(msi):
    return sorted({row[2] for row in table_rows(msi, "Registry") if row[2].endswith("\\")})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, type=pathlib.Path)
    parser.add_argument("--payload", required=True, type=pathlib.Path,
                        help="folder laid out as the Windows install folder")
    parser.add_argument("--define", action="append", default=[], metavar="NAME=VALUE",
                        help="a CPack variable, as cpack_variables.wxi would define it")
    parser.add_argument("--output", required=True, type=pathlib.Path)
    args = parser.parse_args()

    defines = dict(item.split("=", 1) for item in args.define)
    if CPACK_INCLUDE not in args.source.read_text(encoding="utf-8"):
        sys.exit(f"wixl-build: {args.source} must start with {CPACK_INCLUDE}, as CPack expects")
    ET.register_namespace("", WIX)
    # Keep processing instructions inside <Wix> (<?if?>, <?define?>) for wixl's preprocessor.
    tree = ET.parse(args.source, parser=ET.XMLParser(target=ET.TreeBuilder(insert_pis=True)))
    gaps = WixlGaps()
    gaps.take_from(tree.getroot())

    with tempfile.TemporaryDirectory(prefix="cqrs-wixl-") as scratch:
        scratch = pathlib.Path(scratch)
        # wixl only finds files by paths relative to where it runs: link them in.
        (scratch / "payload").symlink_to(args.payload.resolve(), target_is_directory=True)
        if "CPACK_WIX_PRODUCT_ICON" in defines:
            icon = pathlib.Path(defines["CPACK_WIX_PRODUCT_ICON"]).resolve()
            (scratch / "product.ico").symlink_to(icon)
            defines["CPACK_WIX_PRODUCT_ICON"] = "product.ico"
        write_cpack_variables(scratch / "cpack_variables.wxi", defines)
        components = write_stand_in_payload(scratch / "payload.wxs", scratch / "payload",
                                            defines.get("CPACK_PACKAGE_INSTALL_DIRECTORY",
                                                        "CQRS Desktop"))
        replace_product_feature_ref(tree.getroot(), components)
        with open(scratch / "product.wxs", "wb") as out:
            # ElementTree does not keep what comes before the root element.
            out.write(f'<?xml version="1.0" encoding="utf-8"?>\n{CPACK_INCLUDE}\n'.encode())
            tree.write(out, encoding="utf-8", xml_declaration=False)

        # Built and patched aside, so a failed step never leaves a half-made MSI at --output.
        msi = scratch / "product.msi"
        run(["wixl", "--arch", "x64", "--includedir", ".", "--output", msi.name,
             "product.wxs", "payload.wxs"], cwd=scratch)
        for query in gaps.queries(secure_custom_properties(msi), keys_with_trailing_backslash(msi),
                                  table_rows(msi, "Upgrade")):
            run(["msibuild", str(msi), "-q", query])
        shutil.move(msi, args.output)


if __name__ == "__main__":
    main()
