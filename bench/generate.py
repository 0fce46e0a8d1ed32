#!/usr/bin/env python3
"""Generate a large, deterministic, synthetic Salesforce org export for benchmarking calint.

Usage: generate.py OUT_DIR [--size-mb 500] [--seed 1]

The export is in source format (sfdx layout):

    OUT_DIR/sfdx-project.json
    OUT_DIR/force-app/main/default/
        connectedApps/App_N.connectedApp-meta.xml        (what calint audits)
        profiles/{Admin,Standard,Profile_N}.profile-meta.xml   (multi-MB, the bulk of the bytes)
        permissionsets/PS_N.permissionset-meta.xml
        settings/*.settings-meta.xml                     (MyDomain, OauthOidc, ConnectedApp, Security, ...)
        classes/, objects/, lwc/, staticresources/       (files calint must skip)

The same (size, seed) always produces byte-identical output. Only the standard library is used.
"""

import argparse
import base64
import json
import os
import random
import shutil
import sys
import time
from collections import Counter

MIB = 1024 * 1024
NS = "http://soap.sforce.com/2006/04/metadata"
DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
API_VERSION = "61.0"

# ---------------------------------------------------------------------------------------------
# Name pools. These are independent of --size-mb so that profiles can reference a large org
# schema (as real profiles do) even when only part of it is written to objects/ and classes/.
# ---------------------------------------------------------------------------------------------

STANDARD_OBJECTS = [
    "Account", "Asset", "Campaign", "Case", "Contact", "Contract", "Event", "Lead", "Opportunity",
    "OpportunityLineItem", "Order", "OrderItem", "Pricebook2", "Product2", "Quote", "Solution",
    "Task", "User", "WorkOrder", "Entitlement",
]
N_CUSTOM_OBJECTS = 600          # Obj_1__c .. Obj_600__c
FIELDS_PER_OBJECT = 40          # F_1__c .. F_40__c on every object
RECORD_TYPES_PER_OBJECT = 3
N_CLASSES_POOL = 6000           # Cls_1 .. Cls_6000 may appear in classAccesses
N_PAGES_POOL = 3000             # Page_1 .. Page_3000 may appear in pageAccesses
N_FLOWS_POOL = 1500
APPS_POOL = [
    "standard__Sales", "standard__Service", "standard__Marketing", "standard__Community",
    "standard__Platform", "standard__Chatter", "standard__Content", "standard__LightningSales",
    "standard__LightningService", "standard__AppLauncher", "Custom_Console", "Field_Service",
    "Partner_Portal", "Ops_Dashboard",
]
ALL_OBJECTS = STANDARD_OBJECTS + [f"Obj_{i}__c" for i in range(1, N_CUSTOM_OBJECTS + 1)]

USER_PERMISSIONS = [
    "ActivitiesAccess", "AllowViewKnowledge", "ApiEnabled", "ApiUserOnly", "ApproveUninstalledApps",
    "AssignPermissionSets", "AuthorApex", "BulkApiHardDelete", "ChatterEditOwnPost",
    "ChatterInternalUser", "ChatterInviteExternalUsers", "ConvertLeads", "CreateCustomizeReports",
    "CustomizeApplication", "EditEvent", "EditTask", "EmailMass", "EmailSingle", "ExportReport",
    "ImportLeads", "ImportPersonal", "LightningExperienceUser", "ManageCases", "ManageInternalUsers",
    "ManageProfilesPermissionsets", "ManageRoles", "ManageSharing", "ManageUsers", "ModifyAllData",
    "ModifyMetadata", "PasswordNeverExpires", "ResetPasswords", "RunReports", "SelectFilesFromSalesforce",
    "TransferAnyEntity", "UseAnyApiClient", "ViewAllData", "ViewAllUsers", "ViewHelpLink", "ViewRoles",
    "ViewSetup",
]
ADMIN_ONLY_PERMS = {"ModifyAllData", "ViewAllData", "ManageUsers", "CustomizeApplication",
                    "AuthorApex", "ModifyMetadata", "ManageProfilesPermissionsets"}

SCOPES = [
    "Basic", "Api", "Web", "Full", "Chatter", "CustomApplications", "RefreshToken", "OpenID",
    "Profile", "Email", "Address", "Phone", "OfflineAccess", "CustomPermissions", "Wave", "Eclair",
    "Pardot", "Lightning", "Content", "Visualforce",
]
# weights: common scopes appear far more often than the exotic ones
SCOPE_WEIGHTS = [6, 14, 6, 4, 3, 2, 10, 6, 3, 3, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1]

COMPANIES = [
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell",
    "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Oscorp", "Aperture", "BlackMesa", "Contoso",
    "Fabrikam", "Northwind", "Tailspin",
]
PRODUCTS = [
    "Connector", "Sync", "Gateway", "Portal", "Mobile", "Analytics", "Billing", "Sign", "Chat",
    "Scheduler", "Backup", "ETL", "Reporting", "CPQ", "Telephony", "Survey", "DataLoader", "Bridge",
]
PS_ADJ = ["Integration", "Read Only", "Sales", "Service", "Marketing", "Partner", "API", "Support",
          "Finance", "Ops", "Audit", "Legacy", "Mobile", "Field", "Data"]
PS_NOUN = ["Access", "Users", "Admins", "Managers", "Agents", "Automation", "Reporting",
           "Editors", "Viewers", "Tools"]
WORDS = ("the of and to in is for on with as by at from this that records account data user "
         "access sync integration service portal update review legacy owner team region").split()


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tf(rng, p_true):
    return "true" if rng.random() < p_true else "false"


def sentence(rng, lo=4, hi=14):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize() + "."


def b64_block(rng, nbytes, width=64):
    s = base64.b64encode(rng.randbytes(nbytes)).decode("ascii")
    if width <= 0:
        return s
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


# ---------------------------------------------------------------------------------------------
# Output bookkeeping
# ---------------------------------------------------------------------------------------------

class Writer:
    def __init__(self, root):
        self.root = root
        self.base = os.path.join(root, "force-app", "main", "default")
        self.files = Counter()
        self.bytes = Counter()
        self.largest = (0, "")
        self._dirs = set()

    def write(self, rel, text, category, base=True):
        data = text.encode("utf-8") if isinstance(text, str) else text
        path = os.path.join(self.base if base else self.root, rel)
        d = os.path.dirname(path)
        if d not in self._dirs:
            os.makedirs(d, exist_ok=True)
            self._dirs.add(d)
        with open(path, "wb") as f:
            f.write(data)
        self.files[category] += 1
        self.bytes[category] += len(data)
        if len(data) > self.largest[0]:
            self.largest = (len(data), os.path.relpath(path, self.root))
        return len(data)

    @property
    def total_bytes(self):
        return sum(self.bytes.values())


# ---------------------------------------------------------------------------------------------
# Connected Apps
# ---------------------------------------------------------------------------------------------

def consumer_key(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._"
    return "3MVG9" + "".join(rng.choices(alphabet, k=80))


def callback_urls(rng, company, product):
    host = f"{product.lower()}.{company.lower()}.example.com"
    pool = [
        f"https://{host}/oauth/callback",
        f"https://{host}/auth/salesforce/callback",
        f"https://login.{company.lower()}.example.com/sso/sfdc",
        "https://localhost:8443/callback",
        "http://localhost:1717/OauthRedirect",
        f"http://{host}/callback",
        f"{company.lower()}app://oauth/done",
        "sfdc://success",
        f"https://*.{company.lower()}.example.com/cb",
        "https://login.salesforce.com/services/oauth2/success",
    ]
    r = rng.random()
    if r < 0.55:
        n = 1
    elif r < 0.85:
        n = rng.randint(2, 3)
    else:
        n = rng.randint(4, 7)
    first = pool[0] if rng.random() < 0.8 else rng.choice(pool)
    urls = [first] + rng.sample([u for u in pool if u != first], n - 1)
    return urls


def refresh_token_policy(rng):
    r = rng.random()
    if r < 0.35:
        return "infinite"
    if r < 0.45:
        return "zero"
    if r < 0.78:
        n, unit = rng.choice([(90, "DAYS"), (30, "DAYS"), (365, "DAYS"), (12, "HOURS"),
                              (6, "MONTHS"), (1, "MONTHS"), (24, "HOURS"), (180, "DAYS")])
        return f"specific_lifetime:{n}:{unit}"
    n, unit = rng.choice([(30, "DAYS"), (7, "DAYS"), (90, "DAYS"), (2, "MONTHS"), (48, "HOURS")])
    return f"specific_inactivity:{n}:{unit}"


def connected_app(i, rng, profile_names, permset_labels):
    company = rng.choice(COMPANIES)
    product = rng.choice(PRODUCTS)
    p = [DECL, f'<ConnectedApp xmlns="{NS}">\n']
    if rng.random() < 0.08:
        for _ in range(rng.randint(1, 3)):
            key = rng.choice(["region", "tenant", "employee_id", "org_type", "email_verified"])
            p.append("    <attributes>\n"
                     f"        <formula>$User.{key.capitalize()}</formula>\n"
                     f"        <key>{key}</key>\n"
                     "    </attributes>\n")
    p.append(f"    <contactEmail>{rng.choice(['admin', 'it-ops', 'security', 'dev'])}"
             f"@{company.lower()}.example.com</contactEmail>\n")
    if rng.random() < 0.3:
        p.append(f"    <contactPhone>+1 555 01{rng.randint(0, 99):02d}</contactPhone>\n")
    if rng.random() < 0.6:
        p.append(f"    <description>{company} {product}: {xml_escape(sentence(rng))}</description>\n")
    if rng.random() < 0.15:
        p.append(f"    <infoUrl>https://www.{company.lower()}.example.com/{product.lower()}</infoUrl>\n")
    if rng.random() < 0.12:
        for _ in range(rng.randint(1, 3)):
            a, b = rng.randint(1, 220), rng.randint(0, 255)
            p.append("    <ipRanges>\n"
                     f"        <description>{company} office</description>\n"
                     f"        <end>{a}.{b}.255.255</end>\n"
                     f"        <start>{a}.{b}.0.0</start>\n"
                     "    </ipRanges>\n")
    p.append(f"    <label>{company} {product} {i}</label>\n")

    saml_only = rng.random() < 0.05
    if not saml_only:
        o = ["    <oauthConfig>\n"]
        o.append("        <callbackUrl>" + "\n".join(callback_urls(rng, company, product)) +
                 "</callbackUrl>\n")
        if rng.random() < 0.2:
            o.append("        <certificate>" + b64_block(rng, 960, width=0) + "</certificate>\n")
        o.append(f"        <consumerKey>{consumer_key(rng)}</consumerKey>\n")
        r = rng.random()
        if r < 0.45:
            o.append("        <isAdminApproved>true</isAdminApproved>\n")
        elif r < 0.75:
            o.append("        <isAdminApproved>false</isAdminApproved>\n")
        client_creds = rng.random() < 0.1
        if client_creds:
            o.append("        <isClientCredentialEnabled>true</isClientCredentialEnabled>\n")
        o.append(f"        <isCodeCredentialEnabled>{tf(rng, 0.05)}</isCodeCredentialEnabled>\n")
        o.append(f"        <isConsumerSecretOptional>{tf(rng, 0.15)}</isConsumerSecretOptional>\n")
        o.append(f"        <isIntrospectAllTokens>{tf(rng, 0.1)}</isIntrospectAllTokens>\n")
        if rng.random() < 0.5:
            o.append(f"        <isPkceRequired>{tf(rng, 0.4)}</isPkceRequired>\n")
        o.append(f"        <isSecretRequiredForRefreshToken>{tf(rng, 0.7)}"
                 "</isSecretRequiredForRefreshToken>\n")
        if client_creds:
            o.append(f"        <oauthClientCredentialUser>integration{i}@{company.lower()}.example.com"
                     "</oauthClientCredentialUser>\n")
        k = min(len(SCOPES), 1 + int(rng.expovariate(0.6)))
        chosen = set()
        while len(chosen) < k:
            chosen.add(rng.choices(SCOPES, SCOPE_WEIGHTS)[0])
        for s in sorted(chosen, key=SCOPES.index):
            o.append(f"        <scopes>{s}</scopes>\n")
        o.append("    </oauthConfig>\n")
        p.extend(o)

        p.append("    <oauthPolicy>\n")
        p.append("        <ipRelaxation>" +
                 rng.choices(["ENFORCE", "BYPASS", "BYPASS_2FACTOR"], [5, 3, 2])[0] +
                 "</ipRelaxation>\n")
        if rng.random() < 0.9:
            p.append(f"        <refreshTokenPolicy>{refresh_token_policy(rng)}</refreshTokenPolicy>\n")
        p.append("    </oauthPolicy>\n")

    n_ps = rng.choices([0, 1, 2, 3], [6, 3, 1, 1])[0]
    for _ in range(n_ps):
        if rng.random() < 0.04:
            p.append(f"    <permissionSetName>Retired {rng.choice(PS_NOUN)} {rng.randint(1000, 9999)}"
                     "</permissionSetName>\n")
        else:
            p.append(f"    <permissionSetName>{xml_escape(rng.choice(permset_labels))}</permissionSetName>\n")
    n_prof = rng.choices([0, 1, 2, 3, 5], [3, 4, 2, 1, 1])[0]
    for _ in range(n_prof):
        r = rng.random()
        if r < 0.03:
            p.append(f"    <profileName>Deleted Profile {rng.randint(1, 500)}</profileName>\n")
        elif r < 0.05:
            p.append("    <profileName>Systemadministrator</profileName>\n")
        else:
            p.append(f"    <profileName>{rng.choice(profile_names)}</profileName>\n")

    if saml_only:
        host = f"{product.lower()}.{company.lower()}.example.com"
        p.append("    <samlConfig>\n"
                 f"        <acsUrl>https://{host}/saml/acs</acsUrl>\n"
                 "        <certificate>SelfSignedCert_28Apr2023</certificate>\n"
                 f"        <entityUrl>https://{host}</entityUrl>\n"
                 f"        <issuer>https://{company.lower()}.my.salesforce.com</issuer>\n"
                 "        <samlNameIdFormat>EmailAddress</samlNameIdFormat>\n"
                 "        <samlSigningAlgoType>SHA256</samlSigningAlgoType>\n"
                 f"        <subjectType>{rng.choice(['Username', 'FederationId', 'UserId'])}</subjectType>\n"
                 "    </samlConfig>\n")
    if rng.random() < 0.15:
        p.append("    <sessionPolicy>\n"
                 f"        <policyAction>{rng.choice(['RaiseSessionLevel', 'Block'])}</policyAction>\n"
                 "        <sessionLevel>HIGH_ASSURANCE</sessionLevel>\n"
                 f"        <sessionTimeout>{rng.choice([15, 30, 60, 120, 240])}</sessionTimeout>\n"
                 "    </sessionPolicy>\n")
    if rng.random() < 0.2:
        p.append(f"    <startUrl>https://{product.lower()}.{company.lower()}.example.com/start</startUrl>\n")
    p.append("</ConnectedApp>\n")
    return "".join(p)


# ---------------------------------------------------------------------------------------------
# Profiles and permission sets
# ---------------------------------------------------------------------------------------------

def field_perm(rng, obj, f):
    ed = rng.random() < 0.45
    rd = ed or rng.random() < 0.8
    return ("    <fieldPermissions>\n"
            f"        <editable>{'true' if ed else 'false'}</editable>\n"
            f"        <field>{obj}.F_{f}__c</field>\n"
            f"        <readable>{'true' if rd else 'false'}</readable>\n"
            "    </fieldPermissions>\n")


def object_perm(rng, obj, full):
    if full:
        c = d = e = r = m = v = True
    else:
        r = rng.random() < 0.9
        c = r and rng.random() < 0.5
        e = r and rng.random() < 0.6
        d = e and rng.random() < 0.3
        v = r and rng.random() < 0.1
        m = e and v and rng.random() < 0.3
    t = lambda x: "true" if x else "false"  # noqa: E731
    return ("    <objectPermissions>\n"
            f"        <allowCreate>{t(c)}</allowCreate>\n"
            f"        <allowDelete>{t(d)}</allowDelete>\n"
            f"        <allowEdit>{t(e)}</allowEdit>\n"
            f"        <allowRead>{t(r)}</allowRead>\n"
            f"        <modifyAllRecords>{t(m)}</modifyAllRecords>\n"
            f"        <object>{obj}</object>\n"
            f"        <viewAllRecords>{t(v)}</viewAllRecords>\n"
            "    </objectPermissions>\n")


def fill(budget, make):
    """Call make(k) for k = 0, 1, ... until the produced text reaches budget bytes."""
    out, size, k = [], 0, 0
    while size < budget:
        s = make(k)
        if s:
            out.append(s)
            size += len(s)
        k += 1
    return out


def seq(rng, pool_len, keep):
    """A generator of pool indexes in order from a random start, keeping each with prob keep."""
    start = rng.randrange(pool_len)
    k = 0
    while True:
        idx = (start + k) % pool_len
        k += 1
        if rng.random() < keep:
            yield idx


def user_permissions(rng, kind):
    if kind == "admin":
        names = list(USER_PERMISSIONS)
    else:
        names = [n for n in USER_PERMISSIONS
                 if (n not in ADMIN_ONLY_PERMS and rng.random() < 0.45)
                 or (n in ADMIN_ONLY_PERMS and rng.random() < 0.04)]
        if kind == "api" and "ApiEnabled" not in names:
            names.append("ApiEnabled")
        elif kind == "noapi" and "ApiEnabled" in names:
            names.remove("ApiEnabled")
    out = []
    for n in sorted(names):
        en = "true" if (kind == "admin" or rng.random() < 0.93) else "false"
        out.append("    <userPermissions>\n"
                   f"        <enabled>{en}</enabled>\n"
                   f"        <name>{n}</name>\n"
                   "    </userPermissions>\n")
    return out


def profile_xml(name, target, rng):
    kind = "admin" if name == "Admin" else ("standard" if name == "Standard" else
                                             rng.choice(["api", "api", "noapi", "mixed"]))
    full = kind == "admin"
    head = [DECL, f'<Profile xmlns="{NS}">\n']
    for a in sorted(rng.sample(APPS_POOL, rng.randint(3, len(APPS_POOL)))):
        head.append("    <applicationVisibilities>\n"
                    f"        <application>{a}</application>\n"
                    f"        <default>{'true' if a == 'standard__Sales' else 'false'}</default>\n"
                    f"        <visible>{tf(rng, 0.8)}</visible>\n"
                    "    </applicationVisibilities>\n")

    # section budgets; fieldPermissions takes whatever is left so the file hits target exactly
    cls_it = seq(rng, N_CLASSES_POOL, 0.7)
    classes = fill(target * 0.09, lambda k: (
        "    <classAccesses>\n"
        f"        <apexClass>Cls_{next(cls_it) + 1}</apexClass>\n"
        f"        <enabled>{tf(rng, 0.85)}</enabled>\n"
        "    </classAccesses>\n"))
    mid = [f"    <custom>{'false' if kind in ('admin', 'standard') else 'true'}</custom>\n"]
    if rng.random() < 0.5:
        mid.append(f"    <description>{xml_escape(sentence(rng))}</description>\n")

    flow_it = seq(rng, N_FLOWS_POOL, 0.6)
    flows = fill(target * 0.015, lambda k: (
        "    <flowAccesses>\n"
        f"        <enabled>{tf(rng, 0.9)}</enabled>\n"
        f"        <flow>Flow_{next(flow_it) + 1}</flow>\n"
        "    </flowAccesses>\n"))

    def layout(k):
        obj = ALL_OBJECTS[k % len(ALL_OBJECTS)]
        base = obj[:-3] if obj.endswith("__c") else obj
        s = ("    <layoutAssignments>\n"
             f"        <layout>{obj}-{base} Layout</layout>\n"
             "    </layoutAssignments>\n")
        for rt in range(1, RECORD_TYPES_PER_OBJECT + 1):
            if rng.random() < 0.5:
                s += ("    <layoutAssignments>\n"
                      f"        <layout>{obj}-{base} Layout RT{rt}</layout>\n"
                      f"        <recordType>{obj}.RT_{rt}</recordType>\n"
                      "    </layoutAssignments>\n")
        return s
    layouts = fill(target * 0.05, layout)

    ips = []
    if kind != "admin" and rng.random() < 0.3:
        for _ in range(rng.randint(1, 4)):
            a, b = rng.randint(1, 220), rng.randint(0, 255)
            ips.append("    <loginIpRanges>\n"
                       + (f"        <description>Office {a}</description>\n" if rng.random() < 0.5 else "")
                       + f"        <endAddress>{a}.{b}.255.255</endAddress>\n"
                       f"        <startAddress>{a}.{b}.0.0</startAddress>\n"
                       "    </loginIpRanges>\n")

    objs = fill(target * 0.07, lambda k: object_perm(rng, ALL_OBJECTS[k % len(ALL_OBJECTS)], full))
    page_it = seq(rng, N_PAGES_POOL, 0.6)
    pages = fill(target * 0.035, lambda k: (
        "    <pageAccesses>\n"
        f"        <apexPage>Page_{next(page_it) + 1}</apexPage>\n"
        f"        <enabled>{tf(rng, 0.8)}</enabled>\n"
        "    </pageAccesses>\n"))

    def rtv(k):
        obj = ALL_OBJECTS[k % len(ALL_OBJECTS)]
        s = ""
        for rt in range(1, RECORD_TYPES_PER_OBJECT + 1):
            s += ("    <recordTypeVisibilities>\n"
                  f"        <default>{'true' if rt == 1 else 'false'}</default>\n"
                  f"        <recordType>{obj}.RT_{rt}</recordType>\n"
                  f"        <visible>{tf(rng, 0.7)}</visible>\n"
                  "    </recordTypeVisibilities>\n")
        return s
    rtvs = fill(target * 0.03, rtv)
    tabs = fill(min(target * 0.02, 64 * len(ALL_OBJECTS)), lambda k: (
        "    <tabVisibilities>\n"
        f"        <tab>{ALL_OBJECTS[k % len(ALL_OBJECTS)]}</tab>\n"
        f"        <visibility>{rng.choice(['DefaultOn', 'DefaultOff', 'Hidden'])}</visibility>\n"
        "    </tabVisibilities>\n"))
    lic = "    <userLicense>Salesforce</userLicense>\n"
    uperms = user_permissions(rng, kind)
    tail = "</Profile>\n"

    fixed = sum(len(s) for part in (head, classes, mid, flows, layouts, ips, objs, pages, rtvs,
                                     tabs, uperms) for s in part) + len(lic) + len(tail)
    n_fields = len(ALL_OBJECTS) * FIELDS_PER_OBJECT
    field_it = seq(rng, n_fields, 0.75 if not full else 1.0)

    def fp(k):
        idx = next(field_it)
        return field_perm(rng, ALL_OBJECTS[idx // FIELDS_PER_OBJECT], idx % FIELDS_PER_OBJECT + 1)
    fields = fill(max(0, target - fixed), fp)
    return "".join(head + classes + mid + flows + fields + layouts + ips + objs + pages + rtvs +
                   tabs + [lic] + uperms + [tail])


def permset_label(seed, i):
    rng = random.Random(f"{seed}:pslabel:{i}")
    return f"{rng.choice(PS_ADJ)} {rng.choice(PS_NOUN)} {i}"


def permset_xml(i, label, rng):
    target = int(rng.choice([4, 8, 15, 30, 60, 120]) * 1024 * rng.uniform(0.7, 1.3))
    p = [DECL, f'<PermissionSet xmlns="{NS}">\n']
    for a in sorted(rng.sample(APPS_POOL, rng.randint(0, 3))):
        p.append("    <applicationVisibilities>\n"
                 f"        <application>{a}</application>\n"
                 "        <visible>true</visible>\n"
                 "    </applicationVisibilities>\n")
    cls_it = seq(rng, N_CLASSES_POOL, 0.5)
    p += fill(target * 0.1, lambda k: ("    <classAccesses>\n"
                                       f"        <apexClass>Cls_{next(cls_it) + 1}</apexClass>\n"
                                       "        <enabled>true</enabled>\n"
                                       "    </classAccesses>\n"))
    if rng.random() < 0.7:
        p.append(f"    <description>{xml_escape(sentence(rng))}</description>\n")
    n_fields = len(ALL_OBJECTS) * FIELDS_PER_OBJECT
    field_it = seq(rng, n_fields, 0.5)

    def fp(k):
        idx = next(field_it)
        return field_perm(rng, ALL_OBJECTS[idx // FIELDS_PER_OBJECT], idx % FIELDS_PER_OBJECT + 1)
    p += fill(target * 0.7, fp)
    p.append(f"    <hasActivationRequired>{tf(rng, 0.1)}</hasActivationRequired>\n")
    p.append(f"    <label>{xml_escape(label)}</label>\n")
    if rng.random() < 0.3:
        p.append("    <license>Salesforce</license>\n")
    start = rng.randrange(len(ALL_OBJECTS))
    p += fill(target * 0.2, lambda k: object_perm(
        rng, ALL_OBJECTS[(start + k) % len(ALL_OBJECTS)], False))
    perms = sorted(rng.sample(USER_PERMISSIONS, rng.randint(0, 6)))
    if "API" in label and "ApiEnabled" not in perms:
        perms = sorted(perms + ["ApiEnabled"])
    for n in perms:
        p.append("    <userPermissions>\n"
                 "        <enabled>true</enabled>\n"
                 f"        <name>{n}</name>\n"
                 "    </userPermissions>\n")
    p.append("</PermissionSet>\n")
    return "".join(p)


# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------

def settings_files(rng):
    s = {}
    s["MyDomain"] = (DECL + f'<MyDomainSettings xmlns="{NS}">\n'
                     "    <canOnlyLoginWithMyDomainUrl>true</canOnlyLoginWithMyDomainUrl>\n"
                     "    <doesApiLoginRequireOrgDomain>false</doesApiLoginRequireOrgDomain>\n"
                     "    <enableNativeBrowserForAuthOnAndroid>true</enableNativeBrowserForAuthOnAndroid>\n"
                     "    <enableNativeBrowserForAuthOnIos>true</enableNativeBrowserForAuthOnIos>\n"
                     "    <myDomainName>acme-benchmark</myDomainName>\n"
                     "    <useStabilizedMyDomainHostnames>true</useStabilizedMyDomainHostnames>\n"
                     "    <useStabilizedSandboxMyDomainHostnames>true</useStabilizedSandboxMyDomainHostnames>\n"
                     "</MyDomainSettings>\n")
    s["OauthOidc"] = (DECL + f'<OauthOidcSettings xmlns="{NS}">\n'
                      "    <blockOAuthUnPwFlow>false</blockOAuthUnPwFlow>\n"
                      "    <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>\n"
                      "    <isPkceRequired>false</isPkceRequired>\n"
                      "    <oAuthCdCrdtFlowEnable>false</oAuthCdCrdtFlowEnable>\n"
                      "</OauthOidcSettings>\n")
    s["ConnectedApp"] = (DECL + f'<ConnectedAppSettings xmlns="{NS}">\n'
                         "    <enableAdminApprovedAppsOnly>false</enableAdminApprovedAppsOnly>\n"
                         "    <enableAdminApprovedAppsOnlyForExternalUser>false"
                         "</enableAdminApprovedAppsOnlyForExternalUser>\n"
                         "    <enableSkipUserProvisioningWizardWelcomePage>true"
                         "</enableSkipUserProvisioningWizardWelcomePage>\n"
                         "</ConnectedAppSettings>\n")
    sec = [DECL, f'<SecuritySettings xmlns="{NS}">\n',
           "    <canUsersGrantLoginAccess>true</canUsersGrantLoginAccess>\n",
           "    <enableAdminLoginAsAnyUser>false</enableAdminLoginAsAnyUser>\n",
           "    <enableAuditFieldsInactiveOwner>false</enableAuditFieldsInactiveOwner>\n",
           "    <networkAccess>\n"]
    for k in range(rng.randint(20, 60)):
        a, b = rng.randint(1, 220), rng.randint(0, 255)
        sec.append("        <ipRanges>\n"
                   f"            <description>Trusted range {k + 1}</description>\n"
                   f"            <end>{a}.{b}.255.255</end>\n"
                   f"            <start>{a}.{b}.0.0</start>\n"
                   "        </ipRanges>\n")
    sec += ["    </networkAccess>\n",
            "    <passwordPolicies>\n"
            "        <apiOnlyUserHomePageURL></apiOnlyUserHomePageURL>\n"
            "        <complexity>SpecialCharacters</complexity>\n"
            "        <enableSetPasswordInApi>false</enableSetPasswordInApi>\n"
            "        <expiration>NinetyDays</expiration>\n"
            "        <historyRestriction>3</historyRestriction>\n"
            "        <lockoutInterval>FifteenMinutes</lockoutInterval>\n"
            "        <maxLoginAttempts>TenAttempts</maxLoginAttempts>\n"
            "        <minimumPasswordLength>12</minimumPasswordLength>\n"
            "        <minimumPasswordLifetime>false</minimumPasswordLifetime>\n"
            "        <obscureSecretAnswer>false</obscureSecretAnswer>\n"
            "        <passwordAssistanceMessage>Contact IT.</passwordAssistanceMessage>\n"
            "        <questionRestriction>DoesNotContainPassword</questionRestriction>\n"
            "    </passwordPolicies>\n",
            "    <sessionSettings>\n"
            "        <allowUserAuthenticationByCertificate>false</allowUserAuthenticationByCertificate>\n"
            "        <canConfirmEmailChangeInLightningCommunities>true</canConfirmEmailChangeInLightningCommunities>\n"
            "        <enableCSPOnEmail>true</enableCSPOnEmail>\n"
            "        <enableCSRFOnGet>true</enableCSRFOnGet>\n"
            "        <enableCSRFOnPost>true</enableCSRFOnPost>\n"
            "        <enableClickjackNonsetupSFDC>true</enableClickjackNonsetupSFDC>\n"
            "        <enableClickjackSetup>true</enableClickjackSetup>\n"
            "        <enforceIpRangesEveryRequest>false</enforceIpRangesEveryRequest>\n"
            "        <forceLogoutOnSessionTimeout>true</forceLogoutOnSessionTimeout>\n"
            "        <forceRelogin>true</forceRelogin>\n"
            "        <hstsOnForcecomSites>true</hstsOnForcecomSites>\n"
            "        <identityConfirmationOnEmailChange>true</identityConfirmationOnEmailChange>\n"
            "        <lockSessionsToDomain>true</lockSessionsToDomain>\n"
            "        <lockSessionsToIp>false</lockSessionsToIp>\n"
            "        <logoutURL></logoutURL>\n"
            "        <redirectionWarning>true</redirectionWarning>\n"
            "        <referrerPolicy>true</referrerPolicy>\n"
            "        <requireHttpOnly>true</requireHttpOnly>\n"
            "        <requireHttps>true</requireHttps>\n"
            "        <securityCentralKillSession>true</securityCentralKillSession>\n"
            "        <sessionTimeout>TwoHours</sessionTimeout>\n"
            "    </sessionSettings>\n",
            "</SecuritySettings>\n"]
    s["Security"] = "".join(sec)
    # other org settings an export contains; calint reads the files (by suffix) and ignores them
    for name, fields in [
        ("Account", ["enableAccountOwnerReport", "enableAccountTeams", "showViewHierarchyLink"]),
        ("Case", ["closeCaseThroughStatusChange", "enableCaseFeed", "enableDraftEmails"]),
        ("Chatter", ["allowRecordsInChatterGroup", "enableChatter", "enableFeedEdit"]),
        ("Lightning", ["enableUsePinnedListsInLightning", "enableUserCanOverrideLightningApps"]),
        ("Opportunity", ["enableFindSimilarOpportunities", "enableOpportunityTeam"]),
        ("Einstein", ["enableEinsteinSearch"]),
        ("Apex", ["enableAggregateCodeCoverageOnly", "enableApexAccessRightsPref"]),
        ("Knowledge", ["enableKnowledge"]),
    ]:
        body = "".join(f"    <{f}>{tf(rng, 0.5)}</{f}>\n" for f in fields)
        s[name] = DECL + f'<{name}Settings xmlns="{NS}">\n' + body + f"</{name}Settings>\n"
    return s


# ---------------------------------------------------------------------------------------------
# Files calint must skip
# ---------------------------------------------------------------------------------------------

def apex_class(i, rng):
    lines = [f"public with sharing class Cls_{i} {{"]
    for m in range(rng.randint(3, 25)):
        lines.append(f"    public static List<Account> method{m}(Set<Id> ids) {{")
        for _ in range(rng.randint(2, 8)):
            lines.append(f"        // {sentence(rng)}")
            lines.append(f"        Integer v{rng.randint(0, 99)} = {rng.randint(0, 9999)};")
        lines.append("        return [SELECT Id, Name FROM Account WHERE Id IN :ids LIMIT 200];")
        lines.append("    }")
    lines.append("}")
    meta = (DECL + f'<ApexClass xmlns="{NS}">\n    <apiVersion>{API_VERSION}</apiVersion>\n'
            "    <status>Active</status>\n</ApexClass>\n")
    return "\n".join(lines) + "\n", meta


def object_files(i, rng):
    obj = f"Obj_{i}__c"
    files = {f"objects/{obj}/{obj}.object-meta.xml": (
        DECL + f'<CustomObject xmlns="{NS}">\n'
        "    <deploymentStatus>Deployed</deploymentStatus>\n"
        "    <enableActivities>true</enableActivities>\n"
        "    <enableHistory>false</enableHistory>\n"
        "    <enableReports>true</enableReports>\n"
        "    <enableSearch>true</enableSearch>\n"
        f"    <label>Obj {i}</label>\n"
        "    <nameField>\n        <label>Name</label>\n        <type>Text</type>\n    </nameField>\n"
        f"    <pluralLabel>Obj {i}s</pluralLabel>\n"
        "    <sharingModel>ReadWrite</sharingModel>\n"
        "</CustomObject>\n")}
    for f in range(1, FIELDS_PER_OBJECT + 1):
        typ, extra = rng.choice([
            ("Text", "    <length>255</length>\n"),
            ("Number", "    <precision>18</precision>\n    <scale>2</scale>\n"),
            ("Checkbox", "    <defaultValue>false</defaultValue>\n"),
            ("Date", ""),
            ("LongTextArea", "    <length>32768</length>\n    <visibleLines>3</visibleLines>\n"),
        ])
        files[f"objects/{obj}/fields/F_{f}__c.field-meta.xml"] = (
            DECL + f'<CustomField xmlns="{NS}">\n'
            f"    <fullName>F_{f}__c</fullName>\n"
            f"    <description>{xml_escape(sentence(rng))}</description>\n"
            "    <externalId>false</externalId>\n"
            f"    <label>F {f}</label>\n" + extra +
            f"    <required>false</required>\n    <trackHistory>false</trackHistory>\n"
            f"    <type>{typ}</type>\n"
            "</CustomField>\n")
    return files


def lwc_files(i, rng):
    name = f"cmp{i}"
    js = ["import { LightningElement, api, wire } from 'lwc';",
          f"import getData from '@salesforce/apex/Cls_{rng.randint(1, 500)}.method0';", "",
          f"export default class Cmp{i} extends LightningElement {{",
          "    @api recordId;"]
    for k in range(rng.randint(3, 30)):
        js.append(f"    handler{k}(event) {{ /* {sentence(rng)} */ this.value{k} = event.detail; }}")
    js.append("}")
    html = ("<template>\n    <lightning-card title=\"Cmp " + str(i) + "\">\n" +
            "".join(f"        <p>{{value{k}}}</p>\n" for k in range(rng.randint(2, 10))) +
            "    </lightning-card>\n</template>\n")
    meta = (DECL + f'<LightningComponentBundle xmlns="{NS}">\n    <apiVersion>{API_VERSION}</apiVersion>\n'
            "    <isExposed>true</isExposed>\n</LightningComponentBundle>\n")
    return {f"lwc/{name}/{name}.js": "\n".join(js) + "\n",
            f"lwc/{name}/{name}.html": html,
            f"lwc/{name}/{name}.js-meta.xml": meta}


def static_resource(i, rng):
    size = int(rng.choice([2, 8, 30, 90, 200]) * 1024 * rng.uniform(0.6, 1.4))
    data = rng.randbytes(size)
    ctype = rng.choice(["application/zip", "application/octet-stream", "image/png"])
    meta = (DECL + f'<StaticResource xmlns="{NS}">\n    <cacheControl>Public</cacheControl>\n'
            f"    <contentType>{ctype}</contentType>\n</StaticResource>\n")
    return data, meta


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--size-mb", type=float, default=500.0,
                    help="approximate total size in MiB (default 500)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="delete OUT_DIR first if it exists")
    args = ap.parse_args()

    if os.path.exists(args.out_dir):
        if not args.force and os.listdir(args.out_dir):
            sys.exit(f"generate.py: {args.out_dir} exists and is not empty (use --force)")
        shutil.rmtree(args.out_dir, ignore_errors=True)
    t0 = time.monotonic()
    seed = args.seed
    target = int(args.size_mb * MIB)
    s = args.size_mb / 500.0
    n_apps = max(10, round(4000 * s))
    n_profiles = max(3, round(300 * s))
    n_permsets = max(5, round(300 * s))
    n_classes = max(10, round(3000 * s))
    n_objects = max(2, min(N_CUSTOM_OBJECTS, round(200 * s)))
    n_lwc = max(3, round(400 * s))
    n_res = max(2, round(120 * s))

    w = Writer(args.out_dir)
    w.write("sfdx-project.json", json.dumps({
        "packageDirectories": [{"path": "force-app", "default": True}],
        "name": "calint-bench",
        "namespace": "",
        "sfdcLoginUrl": "https://login.salesforce.com",
        "sourceApiVersion": API_VERSION,
    }, indent=2) + "\n", "other", base=False)

    profile_files = ["Admin", "Standard"] + [f"Profile_{i}" for i in range(1, n_profiles + 1)]
    profile_names = ["System Administrator", "Standard User"] + profile_files[2:]
    ps_labels = [permset_label(seed, i) for i in range(1, n_permsets + 1)]

    # 1. everything except profiles
    for i in range(1, n_apps + 1):
        rng = random.Random(f"{seed}:app:{i}")
        w.write(f"connectedApps/App_{i}.connectedApp-meta.xml",
                connected_app(i, rng, profile_names, ps_labels), "connectedApps")
    for i in range(1, n_permsets + 1):
        rng = random.Random(f"{seed}:ps:{i}")
        w.write(f"permissionsets/PS_{i}.permissionset-meta.xml",
                permset_xml(i, ps_labels[i - 1], rng), "permissionsets")
    for name, text in settings_files(random.Random(f"{seed}:settings")).items():
        w.write(f"settings/{name}.settings-meta.xml", text, "settings")
    for i in range(1, n_classes + 1):
        cls, meta = apex_class(i, random.Random(f"{seed}:cls:{i}"))
        w.write(f"classes/Cls_{i}.cls", cls, "skipped")
        w.write(f"classes/Cls_{i}.cls-meta.xml", meta, "skipped")
    for i in range(1, n_objects + 1):
        for rel, text in object_files(i, random.Random(f"{seed}:obj:{i}")).items():
            w.write(rel, text, "skipped")
    for i in range(1, n_lwc + 1):
        for rel, text in lwc_files(i, random.Random(f"{seed}:lwc:{i}")).items():
            w.write(rel, text, "skipped")
    for i in range(1, n_res + 1):
        data, meta = static_resource(i, random.Random(f"{seed}:res:{i}"))
        w.write(f"staticresources/Res_{i}.resource", data, "skipped")
        w.write(f"staticresources/Res_{i}.resource-meta.xml", meta, "skipped")

    # 2. profiles take the rest of the budget, in varied sizes (roughly 0.65x .. 1.4x the mean)
    budget = max(target - w.total_bytes, 64 * 1024 * len(profile_files))
    wrng = random.Random(f"{seed}:profile-sizes")
    weights = [wrng.uniform(0.7, 1.5) for _ in profile_files]
    weights[0] = 1.8  # Admin sees everything: the largest profile
    total_w = sum(weights)
    for k, name in enumerate(profile_files):
        size = int(budget * weights[k] / total_w)
        rng = random.Random(f"{seed}:profile:{name}")
        w.write(f"profiles/{name}.profile-meta.xml", profile_xml(name, size, rng), "profiles")

    dt = time.monotonic() - t0
    print(f"generated {args.out_dir} (seed {seed}) in {dt:.1f} s")
    for cat in ["connectedApps", "profiles", "permissionsets", "settings", "skipped", "other"]:
        print(f"  {cat:<15} {w.files[cat]:>7} files {w.bytes[cat] / MIB:>10.1f} MiB")
    total_files = sum(w.files.values())
    read = sum(w.bytes[c] for c in ["connectedApps", "profiles", "permissionsets", "settings"])
    print(f"  {'total':<15} {total_files:>7} files {w.total_bytes / MIB:>10.1f} MiB "
          f"({w.total_bytes} bytes; {read / MIB:.1f} MiB in files calint reads)")
    print(f"  largest file: {w.largest[1]} ({w.largest[0]} bytes, {w.largest[0] / MIB:.2f} MiB)")


if __name__ == "__main__":
    main()
