print("infusion-central")
