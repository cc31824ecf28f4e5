data = {"users": [{"name": "ann"}]}

def first_email(d):
    return d["users"][0]["email"].lower()

first_email(data)
